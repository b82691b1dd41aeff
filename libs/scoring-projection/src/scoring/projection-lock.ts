import type { SqlTx } from './sql-transaction';

/**
 * Every projector transaction holds this advisory lock shared; a rebuild takes it exclusively for
 * its final catch-up and table switch, so no live batch interleaves with the switch.
 */
export const PROJECTION_LOCK = 766_002;

export async function holdProjectionLockShared(tx: SqlTx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${PROJECTION_LOCK})`);
}
