import type { SqlTx } from './sql-transaction';

export interface UnitPeriodKey {
  readonly unitCode: string;
  readonly period: string;
}

/** Notes unit-periods owed: the projection's name in `name`, the keys' units and periods as text[] in `units`, `periods`. */
export const pendingInsertSql = (name: string, units: string, periods: string): string =>
  `INSERT INTO pending_recomputes (projection, unit_code, period)
     SELECT ${name}, * FROM unnest(${units}::text[], ${periods}::text[]) ON CONFLICT DO NOTHING`;

/** Removes and answers what the projection still owes (only the months, when asked). */
export async function takePending(tx: SqlTx, projection: string, only?: 'month'): Promise<UnitPeriodKey[]> {
  return (await takePendingChunk(tx, projection, only)).keys;
}

/**
 * As takePending, at most `limit` keys, period by period, so a live projector can take a long
 * backlog in small transactions between its batches; `left` is how many of the selection stay owed.
 */
export async function takePendingChunk(tx: SqlTx, projection: string, only?: 'month', limit?: number): Promise<{ keys: UnitPeriodKey[]; left: number }> {
  // Every part of one statement sees the table as it was before it: the count includes what is taken.
  const rows = await tx.$queryRawUnsafe<(UnitPeriodKey & { owed: number })[]>(
    `WITH taken AS (
       DELETE FROM pending_recomputes WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM pending_recomputes
         WHERE projection = $1 AND ($2::text IS NULL OR period ~ '^[0-9]{4}-[0-9]{2}$')
         ORDER BY period, unit_code LIMIT $3::int
       ))
       RETURNING unit_code, period
     )
     SELECT unit_code AS "unitCode", period,
            CASE WHEN $3::int IS NULL THEN 0 ELSE
              (SELECT count(*) FROM pending_recomputes WHERE projection = $1 AND ($2::text IS NULL OR period ~ '^[0-9]{4}-[0-9]{2}$'))::int END AS owed
     FROM taken`,
    projection, only ?? null, limit ?? null,
  );
  // Without a limit everything is taken: nothing is counted (the live batch's path).
  return { keys: rows.map((r) => ({ unitCode: r.unitCode, period: r.period })), left: limit === undefined || rows.length === 0 ? 0 : rows[0].owed - rows.length };
}
