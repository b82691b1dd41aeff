import { type ActiveWindow, type Period, ruleSetInForce, type SubjectContribution, subjectContribution, TALLIED_KINDS, type Tallies } from '@idx/domain';
import type { SqlTx } from './sql-transaction';
import type { UnitPeriodKey } from './pending-recomputes';
import { monthsOfWindow, periodsOfMonths } from './touched-periods';

type Tx = SqlTx;

/**
 * A unit-period's tallies as stored (docs/projection-tallies.md). The invariant: `tallies` is the
 * sum, over the unit's dossiers and petitions whose window overlaps the period, of each one's
 * contribution judged at max(its scored_at, rebasedAt). With one clock (a replay, a test, a
 * refresh) that is exactly the full recompute.
 */
export interface TallyRow {
  readonly unitCode: string;
  readonly period: string;
  tallies: Tallies;
  /** Tallied subjects (dossiers, petitions) whose window overlaps the period: with no catalogue subject either, the unit-period is empty. */
  subjects: number;
  readonly rebasedAt: number;
}

const keyOf = (unitCode: string, period: string): string => `${unitCode} ${period}`;

/** The subject_facts predicate of subjectsOfUnits (started before the end, not ended before the start). */
export function overlaps(window: ActiveWindow | undefined, period: Period): boolean {
  return window !== undefined && window.from < period.end && (window.to === undefined || window.to >= period.start);
}

/**
 * Tallies are kept only for periods that have begun: an open window reaches up to the current
 * month, so a later period could hold a subject no delta would reach. Such a period is recomputed whole.
 */
export const tallyable = (period: Period, now: number): boolean => period.start <= now;

/** Stored rows of the keys, made from the current subject_facts (a rebuild's swap or a TRUNCATE leaves older ones stale). */
export async function loadTallies(tx: Tx, keys: readonly UnitPeriodKey[]): Promise<Map<string, TallyRow>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ unit_code: string; period: string; tallies: Tallies; subjects: number; rebased_at: string }[]>(
    `SELECT t.unit_code, t.period, t.tallies, t.subjects, t.rebased_at::text AS rebased_at
     FROM unit_period_tallies t JOIN unnest($1::text[], $2::text[]) AS k(unit_code, period) ON t.unit_code = k.unit_code AND t.period = k.period
     WHERE t.facts_file = pg_relation_filenode('subject_facts')`,
    keys.map((k) => k.unitCode), keys.map((k) => k.period),
  );
  return new Map(rows.map((r) => [keyOf(r.unit_code, r.period), { unitCode: r.unit_code, period: r.period, tallies: r.tallies, subjects: r.subjects, rebasedAt: Number(r.rebased_at) }]));
}

export const tallyOf = (rows: ReadonlyMap<string, TallyRow>, unitCode: string, period: string): TallyRow | undefined => rows.get(keyOf(unitCode, period));

/**
 * Tally rows a transaction has read already, as it left them: `rows` holds the valid ones of the
 * unit-periods in `asked` (one asked but absent has no valid row). A recompute in the same
 * transaction reads only what is not asked here.
 */
export interface TallyLookup {
  readonly asked: ReadonlySet<string>;
  readonly rows: ReadonlyMap<string, TallyRow>;
}

/** The stored rows of the keys, those the lookup holds taken from it and only the others read. */
export async function tallyRowsOf(tx: Tx, keys: readonly UnitPeriodKey[], known?: TallyLookup): Promise<Map<string, TallyRow>> {
  const rows = new Map<string, TallyRow>();
  const unknown: UnitPeriodKey[] = [];
  for (const k of keys) {
    const key = keyOf(k.unitCode, k.period);
    if (!known?.asked.has(key)) unknown.push(k);
    else if (known.rows.has(key)) rows.set(key, known.rows.get(key) as TallyRow);
  }
  for (const [key, row] of await loadTallies(tx, unknown)) rows.set(key, row);
  return rows;
}

/** The upsert of tally rows given as one JSON document (tallyDocument) in parameter `param`; also a part of the batch's combined write. */
export const talliesUpsertSql = (param: string): string =>
  `INSERT INTO unit_period_tallies (unit_code, period, tallies, subjects, rebased_at, facts_file)
     SELECT unit_code, period, tallies, subjects, rebased_at, pg_relation_filenode('subject_facts')
     FROM jsonb_to_recordset(${param}::jsonb) AS x(unit_code text, period text, tallies jsonb, subjects int, rebased_at bigint)
     ON CONFLICT (unit_code, period) DO UPDATE SET tallies = excluded.tallies, subjects = excluded.subjects,
       rebased_at = excluded.rebased_at, facts_file = excluded.facts_file`;

export const tallyDocument = (rows: readonly TallyRow[]): string =>
  JSON.stringify(rows.map((r) => ({ unit_code: r.unitCode, period: r.period, tallies: r.tallies, subjects: r.subjects, rebased_at: String(r.rebasedAt) })));

export async function saveTallies(tx: Tx, rows: readonly TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(talliesUpsertSql('$1'), tallyDocument(rows));
}

export async function deleteTallies(tx: Tx, period: string, unitCodes: readonly string[]): Promise<void> {
  if (unitCodes.length === 0) return;
  await tx.$executeRawUnsafe('DELETE FROM unit_period_tallies WHERE period = $1 AND unit_code = ANY($2::text[])', period, unitCodes);
}

/** A subject as it was stored before the batch, and as the batch leaves it. */
export interface SubjectChange {
  readonly kind: string;
  readonly before?: { readonly facts: unknown; readonly unitCode: string; readonly window: ActiveWindow | undefined; readonly scoredAt: number | undefined };
  readonly after: { readonly facts: unknown; readonly unitCode: string; readonly window: ActiveWindow | undefined };
}

/**
 * The begun unit-periods a subject side counts in: those its window overlaps (a period not begun yet is
 * summed whole, `tallyable`). A dossier
 * received again after it ended has its window's end before its start; the overlap predicate (the
 * full recompute's) still counts it in periods that hold both, so the months are listed from the
 * earlier instant to the later one.
 */
export function tallyPeriodsOf(side: { window: ActiveWindow | undefined }, now: number): Period[] {
  const w = side.window;
  const hull = w && w.to !== undefined && w.to < w.from ? { from: w.to, to: w.from } : w;
  return periodsOfMonths(monthsOfWindow(hull, now)).filter((p) => tallyable(p, now) && overlaps(w, p));
}

/**
 * Moves the stored tallies by each changed subject: its old contribution out (judged when it was
 * put in), its new one in (judged now). Unit-periods without a valid row are left for their
 * recompute to build whole. Every period a changed subject's old or new window reaches is moved,
 * not only those its event touched (touchedBy): the contributions are judged at a new instant.
 * Answers the unit-periods moved (their figures must be recomputed from the tallies), the rows
 * read, as moved, for that recompute, and the rows moved: the caller saves them (saveTallies, or
 * with the batch's other writes in one statement: batch-writes.ts) before the recompute.
 */
export async function tallyDeltas(tx: Tx, changes: readonly SubjectChange[], now: number): Promise<{ keys: UnitPeriodKey[]; tallies: TallyLookup; moved: TallyRow[] }> {
  const plans = changes.filter((c) => TALLIED_KINDS.has(c.kind)).map((c) => ({
    c,
    out: c.before ? tallyPeriodsOf(c.before, now) : [],
    in: tallyPeriodsOf(c.after, now),
  }));
  const keys = new Map<string, UnitPeriodKey>();
  for (const p of plans) {
    for (const period of p.out) keys.set(keyOf(p.c.before?.unitCode as string, period.key), { unitCode: p.c.before?.unitCode as string, period: period.key });
    for (const period of p.in) keys.set(keyOf(p.c.after.unitCode, period.key), { unitCode: p.c.after.unitCode, period: period.key });
  }
  if (keys.size === 0) return { keys: [], tallies: { asked: new Set(), rows: new Map() }, moved: [] };
  const rows = await loadTallies(tx, [...keys.values()]);
  const moved = new Map<string, TallyRow>();
  for (const { c, out, in: into } of plans) {
    // Each side's contribution made once for all its periods (made only when a period has a row).
    let before: SubjectContribution | undefined;
    let after: SubjectContribution | undefined;
    for (const period of out) {
      const row = rows.get(keyOf(c.before?.unitCode as string, period.key));
      if (!row || !c.before) continue;
      const judgedAt = Math.max(c.before.scoredAt ?? Number.NEGATIVE_INFINITY, row.rebasedAt);
      before ??= subjectContribution({ kind: c.kind, facts: c.before.facts });
      before.addTo(row.tallies, period, judgedAt, ruleSetInForce(period.start), -1);
      row.subjects -= 1;
      moved.set(keyOf(row.unitCode, row.period), row);
    }
    for (const period of into) {
      const row = rows.get(keyOf(c.after.unitCode, period.key));
      if (!row) continue;
      after ??= subjectContribution({ kind: c.kind, facts: c.after.facts });
      after.addTo(row.tallies, period, now, ruleSetInForce(period.start), 1);
      row.subjects += 1;
      moved.set(keyOf(row.unitCode, row.period), row);
    }
  }
  return { keys: [...keys.values()], tallies: { asked: new Set(keys.keys()), rows }, moved: [...moved.values()] };
}
