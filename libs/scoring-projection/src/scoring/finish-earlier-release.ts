import type { ReadModelClient } from '@idx/read-models';
import { prismaRunner } from './parked-subjects';
import { holdProjectionLockShared } from './projection-lock';
import { refinishAll } from './refinish-scores';

/** Held while filling, so two scoring instances starting together fill once. */
const FILL_LOCK = 766_003;

/**
 * A database projected by a release before finished scores (docs/one-score.md) holds every unit's
 * own figures but no finished row, and readers would show nothing until a rebuild. Fills the
 * finished rows from the stored own figures, through the projector's own function, once: answers
 * how many rows were written (0 when there was nothing to do).
 */
export async function finishScoresOfEarlierRelease(prisma: ReadModelClient, checkpointPosition: bigint): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await holdProjectionLockShared(tx);
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FILL_LOCK})`);
    const [state] = await tx.$queryRawUnsafe<{ finished: boolean; own: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM finished_scores) AS finished, EXISTS (SELECT 1 FROM unit_period_scores) AS own',
    );
    if (state.finished || !state.own) return 0;
    return refinishAll(prismaRunner(tx), checkpointPosition);
  }, { timeout: 600_000, maxWait: 60_000 });
}
