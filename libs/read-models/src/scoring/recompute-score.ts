import { computeFigures, figuresToRecord, groupSubjects, type Period, ruleSetInForce, scoreUnit } from '@idx/domain';
import type { Prisma } from '../generated/prisma/client';
import { subjectsOverlapping } from './subject-rows';

export interface ScoreChange {
  readonly unitCode: string;
  readonly period: string;
  readonly total: number;
}

/**
 * Recomputes one unit's own figures for one period from its stored subjects and writes them when
 * they changed. Answers the change, or undefined when nothing moved.
 */
export async function recomputeUnitPeriod(
  tx: Prisma.TransactionClient, unitCode: string, period: Period, position: bigint, now: number,
): Promise<ScoreChange | undefined> {
  const subjects = await subjectsOverlapping(tx, unitCode, period.start, period.end);
  const ruleSet = ruleSetInForce(period.start);
  // Criterion 4's fallback (last year's average) is added when a score is read, not stored here.
  const figures = computeFigures({ subjects: groupSubjects(subjects), period, asOf: now, ruleSet });
  const score = scoreUnit(figures, ruleSet);
  const changed = await tx.$queryRawUnsafe<{ total: number }[]>(
    `INSERT INTO unit_period_scores (unit_code, period, period_kind, rule_set_id, figures, score, total, last_position, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::bigint, now())
     ON CONFLICT (unit_code, period) DO UPDATE SET rule_set_id = excluded.rule_set_id, figures = excluded.figures,
       score = excluded.score, total = excluded.total, last_position = excluded.last_position, updated_at = excluded.updated_at
     WHERE unit_period_scores.figures IS DISTINCT FROM excluded.figures
        OR unit_period_scores.rule_set_id IS DISTINCT FROM excluded.rule_set_id
     RETURNING total`,
    unitCode, period.key, period.kind, ruleSet.id, JSON.stringify(figuresToRecord(figures)), JSON.stringify(score),
    score.total, position.toString(),
  );
  return changed.length > 0 ? { unitCode, period: period.key, total: score.total } : undefined;
}
