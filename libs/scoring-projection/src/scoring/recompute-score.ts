import {
  addSubject, computeFigures, emptyTallies, type Figure, figuresFromTallies, figuresToRecord, groupSubjects, parsePeriod, type Period, type RuleSet, ruleSetInForce,
  scoreUnit, TALLIED_KINDS,
} from '@idx/domain';
import type { SqlTx } from './sql-transaction';
import { type FailedRecompute, noteRecomputeOutcomes } from './failed-recomputes';
import { prismaRunner } from './parked-subjects';
import type { UnitPeriodKey } from './pending-recomputes';
import { type FinishedChange, refinishScores } from './refinish-scores';
import { catalogueOfUnits, subjectCountsOfUnits, subjectsOfUnits } from './subject-rows';
import { deleteTallies, saveTallies, tallyable, type TallyLookup, tallyOf, tallyRowsOf, type TallyRow } from './unit-period-tallies';
import type { UnitTreeCache } from './unit-tree-cache';

/**
 * A unit-period's finished score moved (total = the displayed total, pooled and rescaled); with
 * `removed`, no unit of its pool has figures left and its row was deleted (total is then 0).
 */
export type ScoreChange = FinishedChange;

/** A unit_period_scores row as the projector writes it (column names); verify compares every one of them. */
export interface ScoreRow {
  readonly unit_code: string;
  readonly figures: unknown;
  readonly score: unknown;
  readonly total: number;
}

/**
 * One unit's row, or the error its calculation met (kept apart, so one unit cannot stop the others).
 * Also what verify replays the raw events through, so the projection and its check share one path.
 */
export function scoreRow(unitCode: string, own: readonly { kind: string; facts: unknown }[], period: Period, now: number, ruleSet: RuleSet): ScoreRow | FailedRecompute {
  return rowOf(unitCode, period, ruleSet, () => computeFigures({ subjects: groupSubjects(own), period, asOf: now, ruleSet }));
}

/** A row from figures made however the caller makes them (all subjects, or tallies); a throw is kept apart as the unit's failure. */
function rowOf(unitCode: string, period: Period, ruleSet: RuleSet, figuresOf: () => Map<number, Figure>): ScoreRow | FailedRecompute {
  try {
    const figures = figuresOf();
    const score = scoreUnit(figures, ruleSet);
    return { unit_code: unitCode, figures: figuresToRecord(figures), score, total: score.total };
  } catch (error) {
    return { unitCode, period: period.key, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Recomputes units' own figures for periods from their stored subjects and writes those that
 * changed: per period and group of units (at most about RECOMPUTE_SUBJECT_BUDGET subjects held),
 * one read of the group's subjects and one write of its rows.
 * A unit-period with no subject left is deleted, as a replay would never write it. A unit whose
 * calculation throws keeps its last row and is recorded in failed_recomputes. Then, in the same
 * transaction, finishes the scores made of them (refinishScores: pools as of the period, criterion
 * 4's fallback — and next year's periods when a month's "received" count, the fallback's only
 * input, moved) and answers the finished scores that moved.
 */
export async function recomputeUnitPeriods(
  tx: SqlTx, keys: readonly UnitPeriodKey[], position: bigint, now: number, options: RecomputeOptions = {},
): Promise<ScoreChange[]> {
  const unitsByPeriod = new Map<string, Set<string>>();
  for (const k of keys) unitsByPeriod.set(k.period, (unitsByPeriod.get(k.period) ?? new Set()).add(k.unitCode));
  // Own rows whose criterion-4 "received" count moved (or appeared, or left): next year's fallback depends on them.
  const receivedMoved: UnitPeriodKey[] = [];
  for (const [key, units] of unitsByPeriod) {
    const period = parsePeriod(key);
    const ruleSet = ruleSetInForce(period.start);
    const keep = tallyable(period, now);
    // Units with valid tallies are scored from them and their catalogue; the others (first time,
    // after a rebuild, a refresh that rebases the open period) are summed again from every subject.
    const stored = keep && !options.rebase ? await tallyRowsOf(tx, [...units].map((unitCode) => ({ unitCode, period: key })), options.tallies) : new Map<string, TallyRow>();
    const tallied = [...units].filter((u) => tallyOf(stored, u, key) !== undefined);
    const whole = [...units].filter((u) => tallyOf(stored, u, key) === undefined);
    if (tallied.length > 0) receivedMoved.push(...await recomputeFromTallies(tx, tallied.map((u) => tallyOf(stored, u, key) as TallyRow), period, ruleSet, position, now));
    // Memory stays bounded whatever the catch-up owes (a year of every unit of a country): the
    // units are taken a few at a time, never more than about RECOMPUTE_SUBJECT_BUDGET subjects held.
    for (const chunk of await unitChunks(tx, whole, period.start, period.end, options.subjectBudget)) {
      if (chunk.length > 0) receivedMoved.push(...await recomputeChunk(tx, chunk, period, ruleSet, position, now, keep));
    }
  }
  return refinishScores(prismaRunner(tx), keys, receivedMoved.filter((c) => /^\d{4}-\d{2}$/.test(c.period)), position, now, options.trees);
}

export interface RecomputeOptions {
  /** Keeps the unit tree between recomputes (the projector's own). */
  readonly trees?: UnitTreeCache;
  /** About how many subjects to hold at once; RECOMPUTE_SUBJECT_BUDGET by default. */
  readonly subjectBudget?: number;
  /**
   * Sum the tallies again from every subject, all judged now: the open periods' refresh, and any
   * writer of subjects that bypasses the projector's tally deltas (saveSubjects alone: benches, tests).
   */
  readonly rebase?: boolean;
  /** Tally rows the caller's transaction has read and saved already (the batch's deltas): not read again. */
  readonly tallies?: TallyLookup;
}

/**
 * About how many subjects a recompute holds at once. A unit's subjects are never split (its figures
 * need all of them), so a unit with more than this is taken alone.
 */
export const RECOMPUTE_SUBJECT_BUDGET = 20_000;

/** The units in groups of at most about `budget` subjects in [start, end), by one count per unit. */
async function unitChunks(tx: SqlTx, units: readonly string[], start: number, end: number, budget = RECOMPUTE_SUBJECT_BUDGET): Promise<string[][]> {
  if (units.length === 0) return [];
  if (units.length === 1) return [[...units]];
  const counts = new Map(
    (await subjectCountsOfUnits(tx, units, start, end)).map((c) => [c.unitCode, c.subjects] as const),
  );
  const chunks: string[][] = [];
  let current: string[] = [];
  let held = 0;
  for (const unit of [...units].sort()) {
    const n = counts.get(unit) ?? 0;
    if (current.length > 0 && held + n > budget) {
      chunks.push(current);
      current = [];
      held = 0;
    }
    current.push(unit);
    held += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Units of one period scored from their stored tallies and their catalogue (read whole: it is small). */
async function recomputeFromTallies(
  tx: SqlTx, rows: readonly TallyRow[], period: Period, ruleSet: RuleSet, position: bigint, now: number,
): Promise<UnitPeriodKey[]> {
  const catalogue = await catalogueOfUnits(tx, rows.map((r) => r.unitCode), period.start, period.end);
  const outcomes: (ScoreRow | FailedRecompute)[] = [];
  const empty: string[] = [];
  for (const row of rows) {
    const own = groupSubjects(catalogue.get(row.unitCode) ?? []);
    if (row.subjects === 0 && own.procedures.length === 0 && own.units.length === 0) empty.push(row.unitCode);
    else outcomes.push(rowOf(row.unitCode, period, ruleSet, () => figuresFromTallies(row.tallies, own, period, now, ruleSet)));
  }
  return writeOwnRows(tx, period, ruleSet, position, outcomes, empty);
}

/**
 * One group of units of one period summed from every subject (all judged now): tallies stored (for
 * a period that has begun), own rows written, emptied ones deleted; answers whose "received" count moved.
 */
async function recomputeChunk(
  tx: SqlTx, units: readonly string[], period: Period, ruleSet: RuleSet, position: bigint, now: number, keep: boolean,
): Promise<UnitPeriodKey[]> {
  const subjects = await subjectsOfUnits(tx, units, period.start, period.end);
  const empty = [...subjects].filter(([, own]) => own.length === 0).map(([unitCode]) => unitCode);
  const tallies: TallyRow[] = [];
  const outcomes = [...subjects].filter(([, own]) => own.length > 0).map(([unitCode, own]) => {
    const row: TallyRow = { unitCode, period: period.key, tallies: emptyTallies(), subjects: 0, rebasedAt: now };
    const catalogue = own.filter((s) => !TALLIED_KINDS.has(s.kind));
    return rowOf(unitCode, period, ruleSet, () => {
      for (const s of own) {
        if (!TALLIED_KINDS.has(s.kind)) continue;
        addSubject(row.tallies, s, period, now, ruleSet, 1);
        row.subjects += 1;
      }
      tallies.push(row);
      return figuresFromTallies(row.tallies, groupSubjects(catalogue), period, now, ruleSet);
    });
  });
  subjects.clear(); // the facts are no longer needed: let the next group reuse the memory
  if (keep) await saveTallies(tx, tallies);
  await deleteTallies(tx, period.key, empty);
  return writeOwnRows(tx, period, ruleSet, position, outcomes, empty);
}

/** Writes a period's own rows that changed, deletes the emptied ones, notes failures; answers whose "received" count moved. */
async function writeOwnRows(
  tx: SqlTx, period: Period, ruleSet: RuleSet, position: bigint, outcomes: readonly (ScoreRow | FailedRecompute)[], empty: readonly string[],
): Promise<UnitPeriodKey[]> {
  const receivedMoved: UnitPeriodKey[] = [];
  const rows = outcomes.filter((o): o is ScoreRow => 'unit_code' in o);
  const failed = outcomes.filter((o): o is FailedRecompute => 'error' in o);
  // The succeeded units' failures are cleared by the write below when there is one (a round trip less).
  await noteRecomputeOutcomes(tx, period.key, failed, rows.length === 0 ? empty : []);
  // Most recomputes leave no unit-period empty: no round trip for them.
  const removed = empty.length === 0 ? [] : await tx.$queryRawUnsafe<{ unit_code: string; had_received: boolean }[]>(
    `DELETE FROM unit_period_scores WHERE period = $1 AND unit_code = ANY($2::text[]) RETURNING unit_code, figures ? '4' AS had_received`, period.key, empty,
  );
  for (const r of removed) if (r.had_received) receivedMoved.push({ unitCode: r.unit_code, period: period.key });
  if (rows.length === 0) return receivedMoved;
  // The CTE reads the rows as they were before this statement: one round trip tells what moved.
  const changed = await tx.$queryRawUnsafe<{ unit_code: string; received_moved: boolean }[]>(
    `WITH old AS (
       SELECT unit_code, figures->'4'->'denominator' AS received FROM unit_period_scores
       WHERE period = $2 AND unit_code IN (SELECT x.unit_code FROM jsonb_to_recordset($1::jsonb) AS x(unit_code text))
     ), cleared AS (
       DELETE FROM failed_recomputes WHERE period = $2 AND unit_code = ANY($6::text[])
     ), up AS (
       INSERT INTO unit_period_scores (unit_code, period, period_kind, rule_set_id, figures, score, total, last_position, updated_at)
       SELECT r.unit_code, $2, $3, $4, r.figures, r.score, r.total, $5::bigint, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(unit_code text, figures jsonb, score jsonb, total float8)
       ON CONFLICT (unit_code, period) DO UPDATE SET rule_set_id = excluded.rule_set_id, figures = excluded.figures,
         score = excluded.score, total = excluded.total, last_position = excluded.last_position, updated_at = excluded.updated_at
       WHERE unit_period_scores.figures IS DISTINCT FROM excluded.figures
          OR unit_period_scores.rule_set_id IS DISTINCT FROM excluded.rule_set_id
       RETURNING unit_code, figures->'4'->'denominator' AS received
     )
     SELECT up.unit_code, (old.unit_code IS NULL OR old.received IS DISTINCT FROM up.received) AS received_moved
     FROM up LEFT JOIN old USING (unit_code)`,
    JSON.stringify(rows), period.key, period.kind, ruleSet.id, position.toString(), [...rows.map((r) => r.unit_code), ...empty],
  );
  for (const c of changed) if (c.received_moved) receivedMoved.push({ unitCode: c.unit_code, period: period.key });
  return receivedMoved;
}
