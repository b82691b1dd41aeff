import {
  type Figure, figuresFromRecord, parsePeriod, type Period, periodsContainingMonth, poolMembersDuring, poolOwnersDuring, poolOwnersIndex, previousYearMonthKeys,
  type UnitTree,
} from '@idx/domain';
import { type FinishedRow, finishedRowOf, finishScore, type OwnFigures } from './finished-score';
import type { SqlRunner } from './parked-subjects';
import type { UnitPeriodKey } from './pending-recomputes';
import { loadUnitTree, type UnitTreeCache } from './unit-tree-cache';

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

/** Every unit whose pool for the period holds one of `units` (a unit unknown to the tree owns itself only). */
function ownersOf(tree: UnitTree, period: Period, units: Iterable<string>): string[] {
  const list = [...units];
  // Few units moved: walk up from each; many: one pass over every pool.
  const index = list.length > 8 ? poolOwnersIndex(tree, period) : undefined;
  const owners = new Set<string>();
  for (const u of list) {
    if (!tree[u]) owners.add(u);
    else for (const o of index ? index.get(u) ?? [u] : poolOwnersDuring(tree, u, period)) owners.add(o);
  }
  return [...owners].sort();
}

/**
 * Finishes the given owners' scores, period by period, from the stored own figures, and writes
 * those that moved: one read of every own row needed (the periods' and last year's months'), one
 * delete and one write for all periods, whatever their number.
 */
async function refinishPeriods(
  sql: Query, tree: UnitTree, ownersByPeriod: ReadonlyMap<string, readonly string[]>, position: bigint,
): Promise<FinishedChange[]> {
  const plans = [...ownersByPeriod].map(([key, owners]) => {
    const period = parsePeriod(key);
    const pools = new Map(owners.map((o) => [o, tree[o] ? poolMembersDuring(tree, o, period) : [o]]));
    return { period, owners, pools, lastYearKeys: previousYearMonthKeys(period) };
  });
  const periods = [...new Set(plans.flatMap((p) => [p.period.key, ...p.lastYearKeys]))];
  const members = [...new Set(plans.flatMap((p) => [...p.pools.values()].flat()))];
  const own = await ownRows(sql, periods, members);
  const rows: (FinishedRow & { period: string; period_kind: string })[] = [];
  const empty: { unit_code: string; period: string }[] = [];
  for (const plan of plans) {
    const current = own.get(plan.period.key) ?? new Map<string, OwnFigures>();
    const source = {
      own: (code: string) => current.get(code),
      lastYear: (code: string) => plan.lastYearKeys.map((k) => own.get(k)?.get(code)?.figures).filter((f): f is Map<number, Figure> => f !== undefined),
    };
    for (const owner of plan.owners) {
      // A pool with no figures at all has no row, as a replay would never write one.
      if (!(plan.pools.get(owner) ?? []).some((m) => current.has(m))) empty.push({ unit_code: owner, period: plan.period.key });
      else rows.push({ ...finishedRowOf(finishScore(tree, plan.period, owner, source), tree), period: plan.period.key, period_kind: plan.period.kind });
    }
  }
  const changes: FinishedChange[] = [];
  if (empty.length > 0) {
    const removed = await sql<{ unit_code: string; period: string }>(
      `DELETE FROM finished_scores f USING jsonb_to_recordset($1::jsonb) AS e(unit_code text, period text)
       WHERE f.unit_code = e.unit_code AND f.period = e.period RETURNING f.unit_code, f.period`,
      JSON.stringify(empty),
    );
    for (const r of removed) changes.push({ unitCode: r.unit_code, period: r.period, total: 0, removed: true });
  }
  if (rows.length === 0) return changes;
  const written = await sql<{ unit_code: string; period: string; total: number }>(
    `INSERT INTO finished_scores (unit_code, period, period_kind, rule_set_id, level, figures, score, total, has_activity, pooled_units, last_position, updated_at)
     SELECT r.unit_code, r.period, r.period_kind, r.rule_set_id, r.level, r.figures, r.score, r.total, r.has_activity,
            ARRAY(SELECT jsonb_array_elements_text(r.pooled_units)), $2::bigint, r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(unit_code text, period text, period_kind text, rule_set_id text, level text, figures jsonb,
       score jsonb, total float8, has_activity boolean, pooled_units jsonb, updated_at timestamptz)
     ON CONFLICT (unit_code, period) DO UPDATE SET rule_set_id = excluded.rule_set_id, level = excluded.level, figures = excluded.figures,
       score = excluded.score, total = excluded.total, has_activity = excluded.has_activity, pooled_units = excluded.pooled_units,
       last_position = excluded.last_position, updated_at = excluded.updated_at
     WHERE finished_scores.score IS DISTINCT FROM excluded.score
        OR finished_scores.pooled_units IS DISTINCT FROM excluded.pooled_units
        OR finished_scores.has_activity IS DISTINCT FROM excluded.has_activity
        OR finished_scores.updated_at IS DISTINCT FROM excluded.updated_at
     RETURNING unit_code, period, total`,
    JSON.stringify(rows), position.toString(),
  );
  for (const w of written) changes.push({ unitCode: w.unit_code, period: w.period, total: w.total });
  return changes;
}

/**
 * After units' own figures moved (`touched`, plus the months of last year whose own rows changed:
 * `changedMonths`), recomputes the finished scores of every unit whose pool — as of each period, in
 * business time — holds one of them: the unit, its ancestors, the successors that carry it. Runs in
 * the projector's transaction, so own and finished rows commit together. Answers what moved.
 * `trees` keeps the unit tree between calls while the units do not change (unit-tree-cache.ts).
 */
export async function refinishScores(
  run: SqlRunner, touched: readonly UnitPeriodKey[], changedMonths: readonly UnitPeriodKey[], position: bigint, now: number,
  trees?: UnitTreeCache,
): Promise<FinishedChange[]> {
  const sql = typed(run);
  const keys = [...touched, ...fallbackDependents(changedMonths, now)];
  if (keys.length === 0) return [];
  const tree = trees ? await trees.load(run) : await loadUnitTree(run);
  const unitsByPeriod = new Map<string, Set<string>>();
  for (const k of keys) unitsByPeriod.set(k.period, (unitsByPeriod.get(k.period) ?? new Set()).add(k.unitCode));
  const ownersByPeriod = new Map<string, string[]>();
  for (const [key, units] of unitsByPeriod) ownersByPeriod.set(key, ownersOf(tree, parsePeriod(key), units));
  await lockFinishedRows(sql, ownersByPeriod);
  const changes: FinishedChange[] = [];
  for (const chunk of chunked(ownersByPeriod)) changes.push(...await refinishPeriods(sql, tree, chunk, position));
  return changes;
}

/** Advisory lock space of finished rows (PROJECTION_LOCK is 766_002). */
const FINISHED_ROW_LOCK = 766_004;

/**
 * Scoring workers of other partitions finish the same pooled rows (a province whose communes they
 * split): each takes the rows' locks, in one order, before reading the own figures, so the later one
 * reads the earlier one's committed own rows (read committed: each statement sees what committed
 * before it) and no finished row is left computed from a partner's stale figures. Held until commit.
 */
async function lockFinishedRows(sql: Query, ownersByPeriod: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const keys = [...ownersByPeriod].flatMap(([period, owners]) => owners.map((o) => `${o} ${period}`)).sort();
  if (keys.length === 0) return;
  await sql(
    `SELECT count(pg_advisory_xact_lock(${FINISHED_ROW_LOCK}, hashtext(k))) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS ordered`,
    keys,
  );
}

/** At most ~CHUNK_ROWS finished rows per statement: a catch-up touching years of history stays bounded. */
const CHUNK_ROWS = 2000;

function chunked(ownersByPeriod: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]>[] {
  const chunks: Map<string, readonly string[]>[] = [];
  let current = new Map<string, readonly string[]>();
  let size = 0;
  for (const [key, owners] of ownersByPeriod) {
    if (size > 0 && size + owners.length > CHUNK_ROWS) {
      chunks.push(current);
      current = new Map();
      size = 0;
    }
    current.set(key, owners);
    size += owners.length;
  }
  if (size > 0) chunks.push(current);
  return chunks;
}

/** Every unit-period with own figures, finished again (after a rebuild swapped the own rows in). */
export async function refinishAll(run: SqlRunner, position: bigint): Promise<number> {
  const sql = typed(run);
  await sql('DELETE FROM finished_scores');
  const tree = await loadUnitTree(run);
  const byPeriod = new Map<string, string[]>();
  for (const r of await sql<{ unit_code: string; period: string }>('SELECT unit_code, period FROM unit_period_scores')) {
    byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r.unit_code]);
  }
  let written = 0;
  const owners = new Map([...byPeriod].map(([k, units]) => [k, ownersOf(tree, parsePeriod(k), units)]));
  for (const chunk of chunked(owners)) written += (await refinishPeriods(sql, tree, chunk, position)).length;
  return written;
}
