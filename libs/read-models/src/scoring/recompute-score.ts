import { computeFigures, figuresToRecord, groupSubjects, parsePeriod, type Period, type RuleSet, ruleSetInForce, scoreUnit } from '@idx/domain';
import type { Prisma } from '../generated/prisma/client';
import { type FailedRecompute, noteRecomputeOutcomes } from './failed-recomputes';
import type { UnitPeriodKey } from './pending-recomputes';
import { subjectsOfUnits } from './subject-rows';

export interface ScoreChange {
  readonly unitCode: string;
  readonly period: string;
  readonly total: number;
  /** The unit-period has no subject left: its row was deleted (total is then 0). */
  readonly removed?: true;
}

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
  try {
    const figures = computeFigures({ subjects: groupSubjects(own), period, asOf: now, ruleSet });
    const score = scoreUnit(figures, ruleSet);
    return { unit_code: unitCode, figures: figuresToRecord(figures), score, total: score.total };
  } catch (error) {
    return { unitCode, period: period.key, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Recomputes units' own figures for periods from their stored subjects and writes those that
 * changed: per period, one read of all the units' subjects and one write of all their rows.
 * A unit-period with no subject left is deleted, as a replay would never write it. A unit whose
 * calculation throws keeps its last row and is recorded in failed_recomputes. Answers the changes.
 * Criterion 4's fallback (last year's average) is added when a score is read.
 */
export async function recomputeUnitPeriods(
  tx: Prisma.TransactionClient, keys: readonly UnitPeriodKey[], position: bigint, now: number,
): Promise<ScoreChange[]> {
  const unitsByPeriod = new Map<string, Set<string>>();
  for (const k of keys) unitsByPeriod.set(k.period, (unitsByPeriod.get(k.period) ?? new Set()).add(k.unitCode));
  const changes: ScoreChange[] = [];
  for (const [key, units] of unitsByPeriod) {
    const period = parsePeriod(key);
    const ruleSet = ruleSetInForce(period.start);
    const subjects = await subjectsOfUnits(tx, [...units], period.start, period.end);
    const empty = [...subjects].filter(([, own]) => own.length === 0).map(([unitCode]) => unitCode);
    const outcomes = [...subjects].filter(([, own]) => own.length > 0).map(([unitCode, own]) => scoreRow(unitCode, own, period, now, ruleSet));
    const rows = outcomes.filter((o): o is ScoreRow => 'unit_code' in o);
    const failed = outcomes.filter((o): o is FailedRecompute => 'error' in o);
    await noteRecomputeOutcomes(tx, period.key, failed, [...rows.map((r) => r.unit_code), ...empty]);
    // Most recomputes leave no unit-period empty: no round trip for them.
    const removed = empty.length === 0 ? [] : await tx.$queryRawUnsafe<{ unit_code: string }[]>(
      'DELETE FROM unit_period_scores WHERE period = $1 AND unit_code = ANY($2::text[]) RETURNING unit_code', period.key, empty,
    );
    for (const r of removed) changes.push({ unitCode: r.unit_code, period: period.key, total: 0, removed: true });
    if (rows.length === 0) continue;
    const changed = await tx.$queryRawUnsafe<{ unit_code: string; total: number }[]>(
      `INSERT INTO unit_period_scores (unit_code, period, period_kind, rule_set_id, figures, score, total, last_position, updated_at)
       SELECT r.unit_code, $2, $3, $4, r.figures, r.score, r.total, $5::bigint, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(unit_code text, figures jsonb, score jsonb, total float8)
       ON CONFLICT (unit_code, period) DO UPDATE SET rule_set_id = excluded.rule_set_id, figures = excluded.figures,
         score = excluded.score, total = excluded.total, last_position = excluded.last_position, updated_at = excluded.updated_at
       WHERE unit_period_scores.figures IS DISTINCT FROM excluded.figures
          OR unit_period_scores.rule_set_id IS DISTINCT FROM excluded.rule_set_id
       RETURNING unit_code, total`,
      JSON.stringify(rows), period.key, period.kind, ruleSet.id, position.toString(),
    );
    for (const c of changed) changes.push({ unitCode: c.unit_code, period: period.key, total: c.total });
  }
  return changes;
}
