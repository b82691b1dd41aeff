import {
  type Figure, figuresFromRecord, parsePeriod, type Period, periodsContainingMonth, poolMembersDuring, poolOwnersDuring, previousYearMonthKeys,
  type UnitFacts, type UnitTree,
} from '@idx/domain';
import { type FinishedRow, finishedRowOf, finishScore, type OwnFigures } from './finished-score';
import type { SqlRunner } from './parked-subjects';
import type { UnitPeriodKey } from './pending-recomputes';

/** Runs one SQL statement in the caller's transaction (prismaRunner(tx), or a pg client's query). */
type Query = <T>(text: string, ...params: unknown[]) => Promise<T[]>;
const typed = (run: SqlRunner): Query => <T>(text: string, ...params: unknown[]) => run(text, params) as Promise<T[]>;

/** A finished score that moved: what the score-changed stream carries (total = the displayed total). */
export interface FinishedChange {
  readonly unitCode: string;
  readonly period: string;
  readonly total: number;
  /** No member of the pool has figures left: the finished row was deleted. */
  readonly removed?: true;
}

async function loadUnitTreeWith(sql: Query): Promise<UnitTree> {
  const rows = await sql<{ key: string; facts: UnitFacts }>(`SELECT key, facts FROM subject_facts WHERE kind = 'unit'`);
  return Object.fromEntries(rows.map((r) => [r.key, r.facts]));
}

/**
 * Criterion 4 falls back on last year's monthly average: a month of year Y that moved changes
 * every period of Y + 1 (of the same units) that has begun by `now`.
 */
export function fallbackDependents(keys: readonly UnitPeriodKey[], now: number): UnitPeriodKey[] {
  const out: UnitPeriodKey[] = [];
  for (const k of keys) {
    if (!/^\d{4}-\d{2}$/.test(k.period)) continue;
    const year = Number(k.period.slice(0, 4)) + 1;
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      if (parsePeriod(month).start > now) break;
      for (const p of periodsContainingMonth(month)) out.push({ unitCode: k.unitCode, period: p.key });
    }
  }
  return out;
}

async function ownRows(sql: Query, periods: readonly string[], units: readonly string[]): Promise<Map<string, Map<string, OwnFigures>>> {
  const rows = units.length === 0 || periods.length === 0 ? [] : await sql<{ unit_code: string; period: string; figures: Record<string, Figure>; updated_at: Date }>(
    'SELECT unit_code, period, figures, updated_at FROM unit_period_scores WHERE period = ANY($1::text[]) AND unit_code = ANY($2::text[])',
    periods, units,
  );
  const byPeriod = new Map<string, Map<string, OwnFigures>>();
  for (const r of rows) {
    const m = byPeriod.get(r.period) ?? new Map<string, OwnFigures>();
    m.set(r.unit_code, { figures: figuresFromRecord(r.figures), updatedAt: new Date(r.updated_at) });
    byPeriod.set(r.period, m);
  }
  return byPeriod;
}

/** Finishes the given owners' scores for one period from the stored own figures and writes those that moved. */
async function refinishPeriod(
  sql: Query, tree: UnitTree, period: Period, owners: readonly string[], position: bigint,
): Promise<FinishedChange[]> {
  const members = [...new Set(owners.flatMap((o) => (tree[o] ? poolMembersDuring(tree, o, period) : [o])))];
  const lastYearKeys = previousYearMonthKeys(period);
  const [current, lastYear] = await Promise.all([ownRows(sql, [period.key], members), ownRows(sql, lastYearKeys, members)]);
  const own = current.get(period.key) ?? new Map<string, OwnFigures>();
  const source = {
    own: (code: string) => own.get(code),
    lastYear: (code: string) => lastYearKeys.map((k) => lastYear.get(k)?.get(code)?.figures).filter((f): f is Map<number, Figure> => f !== undefined),
  };
  const rows: FinishedRow[] = [];
  const empty: string[] = [];
  for (const owner of owners) {
    const pool = tree[owner] ? poolMembersDuring(tree, owner, period) : [owner];
    // A pool with no figures at all has no row, as a replay would never write one.
    if (!pool.some((m) => own.has(m))) empty.push(owner);
    else rows.push(finishedRowOf(finishScore(tree, period, owner, source), tree));
  }
  const changes: FinishedChange[] = [];
  if (empty.length > 0) {
    const removed = await sql<{ unit_code: string }>('DELETE FROM finished_scores WHERE period = $1 AND unit_code = ANY($2::text[]) RETURNING unit_code', period.key, empty);
    for (const r of removed) changes.push({ unitCode: r.unit_code, period: period.key, total: 0, removed: true });
  }
  if (rows.length === 0) return changes;
  const written = await sql<{ unit_code: string; total: number }>(
    `INSERT INTO finished_scores (unit_code, period, period_kind, rule_set_id, level, figures, score, total, has_activity, pooled_units, last_position, updated_at)
     SELECT r.unit_code, $2, $3, r.rule_set_id, r.level, r.figures, r.score, r.total, r.has_activity,
            ARRAY(SELECT jsonb_array_elements_text(r.pooled_units)), $4::bigint, r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(unit_code text, rule_set_id text, level text, figures jsonb, score jsonb, total float8,
       has_activity boolean, pooled_units jsonb, updated_at timestamptz)
     ON CONFLICT (unit_code, period) DO UPDATE SET rule_set_id = excluded.rule_set_id, level = excluded.level, figures = excluded.figures,
       score = excluded.score, total = excluded.total, has_activity = excluded.has_activity, pooled_units = excluded.pooled_units,
       last_position = excluded.last_position, updated_at = excluded.updated_at
     WHERE finished_scores.score IS DISTINCT FROM excluded.score
        OR finished_scores.pooled_units IS DISTINCT FROM excluded.pooled_units
        OR finished_scores.has_activity IS DISTINCT FROM excluded.has_activity
        OR finished_scores.updated_at IS DISTINCT FROM excluded.updated_at
     RETURNING unit_code, total`,
    JSON.stringify(rows), period.key, period.kind, position.toString(),
  );
  for (const w of written) changes.push({ unitCode: w.unit_code, period: period.key, total: w.total });
  return changes;
}

/**
 * After units' own figures moved (`touched`, plus the months of last year whose own rows changed:
 * `changedMonths`), recomputes the finished scores of every unit whose pool — as of each period, in
 * business time — holds one of them: the unit, its ancestors, the successors that carry it. Runs in
 * the projector's transaction, so own and finished rows commit together. Answers what moved.
 */
export async function refinishScores(
  run: SqlRunner, touched: readonly UnitPeriodKey[], changedMonths: readonly UnitPeriodKey[], position: bigint, now: number,
): Promise<FinishedChange[]> {
  const sql = typed(run);
  const keys = [...touched, ...fallbackDependents(changedMonths, now)];
  if (keys.length === 0) return [];
  const tree = await loadUnitTreeWith(sql);
  const ownersByPeriod = new Map<string, Set<string>>();
  for (const k of keys) {
    const period = parsePeriod(k.period);
    const owners = ownersByPeriod.get(period.key) ?? new Set<string>();
    for (const o of tree[k.unitCode] ? poolOwnersDuring(tree, k.unitCode, period) : [k.unitCode]) owners.add(o);
    ownersByPeriod.set(period.key, owners);
  }
  const changes: FinishedChange[] = [];
  for (const [key, owners] of ownersByPeriod) changes.push(...await refinishPeriod(sql, tree, parsePeriod(key), [...owners].sort(), position));
  return changes;
}

/** Every unit-period with own figures, finished again (after a rebuild swapped the own rows in). */
export async function refinishAll(run: SqlRunner, position: bigint): Promise<number> {
  const sql = typed(run);
  await sql('DELETE FROM finished_scores');
  const tree = await loadUnitTreeWith(sql);
  const periods = await sql<{ period: string }>('SELECT DISTINCT period FROM unit_period_scores');
  let written = 0;
  for (const { period: key } of periods) {
    const period = parsePeriod(key);
    const withRows = (await sql<{ unit_code: string }>('SELECT unit_code FROM unit_period_scores WHERE period = $1', key)).map((r) => r.unit_code);
    const owners = new Set<string>();
    for (const u of withRows) for (const o of tree[u] ? poolOwnersDuring(tree, u, period) : [u]) owners.add(o);
    written += (await refinishPeriod(sql, tree, period, [...owners].sort(), position)).length;
  }
  return written;
}
