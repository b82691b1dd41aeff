import type { SqlTx } from './sql-transaction';
import type { UnitPeriodKey } from './pending-recomputes';

type Tx = SqlTx;

export interface FailedRecompute extends UnitPeriodKey {
  readonly error: string;
}

/** Records unit-periods whose recompute threw (the batch goes on) and clears those that now succeeded. */
export async function noteRecomputeOutcomes(tx: Tx, period: string, failed: readonly FailedRecompute[], succeeded: readonly string[]): Promise<void> {
  if (failed.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO failed_recomputes (unit_code, period, error)
       SELECT u, $1, e FROM unnest($2::text[], $3::text[]) AS x(u, e)
       ON CONFLICT (unit_code, period) DO UPDATE SET error = excluded.error, attempts = failed_recomputes.attempts + 1, last_seen = now()`,
      period, failed.map((f) => f.unitCode), failed.map((f) => f.error),
    );
  }
  if (succeeded.length > 0) {
    await tx.$executeRawUnsafe('DELETE FROM failed_recomputes WHERE period = $1 AND unit_code = ANY($2::text[])', period, succeeded);
  }
}
