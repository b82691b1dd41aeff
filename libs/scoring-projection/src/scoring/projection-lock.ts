import type { SqlTx } from './sql-transaction';

/**
 * Every projector transaction holds this advisory lock shared; a rebuild takes it exclusively for
 * its final catch-up and table switch, so no live batch interleaves with the switch.
 */
export const PROJECTION_LOCK = 766_002;

/** The statement that takes it shared for the transaction (parameterless: it can go with the BEGIN). */
export const HOLD_PROJECTION_LOCK_SHARED = `SELECT pg_advisory_xact_lock_shared(${PROJECTION_LOCK})`;

export async function holdProjectionLockShared(tx: SqlTx): Promise<void> {
  await tx.$executeRawUnsafe(HOLD_PROJECTION_LOCK_SHARED);
}
