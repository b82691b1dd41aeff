import type { SqlTx } from './sql-transaction';
import { pendingInsertSql, type UnitPeriodKey } from './pending-recomputes';
import { type SubjectRow, subjectsDocument, subjectsUpsertSql } from './subject-rows';
import { talliesUpsertSql, tallyDocument, type TallyRow } from './unit-period-tallies';

/** What a batch writes after its fold, before its recompute. */
export interface BatchWrites {
  readonly subjects: readonly SubjectRow[];
  /** Tally rows the batch's deltas moved. */
  readonly tallies: readonly TallyRow[];
  /** Unit-periods the projection notes as owed. */
  readonly pending?: { readonly projection: string; readonly keys: readonly UnitPeriodKey[] };
}

/**
 * The batch's subjects, moved tallies and owed unit-periods in one statement: each a data-modifying
 * CTE (PostgreSQL runs every one of them to completion), so three writes to three tables cost one
 * round trip. Under load a round trip waits 3–5 ms for the server (docs/projection-tallies.md).
 */
export async function saveBatchWrites(tx: SqlTx, writes: BatchWrites): Promise<void> {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const parts: string[] = [];
  if (writes.subjects.length > 0) parts.push(subjectsUpsertSql(param(subjectsDocument(writes.subjects))));
  if (writes.tallies.length > 0) parts.push(talliesUpsertSql(param(tallyDocument(writes.tallies))));
  const pending = writes.pending;
  if (pending && pending.keys.length > 0) {
    parts.push(pendingInsertSql(param(pending.projection), param(pending.keys.map((k) => k.unitCode)), param(pending.keys.map((k) => k.period))));
  }
  if (parts.length === 0) return;
  const text = parts.length === 1 ? parts[0] : `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} SELECT 1`;
  await tx.$executeRawUnsafe(text, ...params);
}
