import type { ExplainDto, UnitTrendDto } from '@idx/contracts';
import { explainCriterion, groupSubjects, monthKeyOf, parsePeriod, resolvePeriod, ruleSetInForce } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { subjectsOfUnits } from '@idx/scoring-projection';
import { PeriodScores } from './period-scores';
import { unitScoreView } from './score-views';

/** Drill-down for officials: a unit's trend, and what makes up a criterion's figure. */
export class ExplainQueries {
  constructor(private readonly prisma: ReadModelClient, private readonly clock: () => number = Date.now) {}

  /**
   * Monthly totals and groups for the `months` months up to `to` (oldest first): the unit's own
   * finished rows only (total, activity and `score->'groups'`), one query by primary key.
   */
  async trend(unitCode: string, to: string | undefined, months = 12): Promise<UnitTrendDto> {
    const last = parsePeriod(to ?? monthKeyOf(this.clock()));
    const keys: string[] = [];
    for (let p = last; keys.length < months; p = parsePeriod(monthKeyOf(p.start - 1))) keys.unshift(p.key);
    const rows = await this.prisma.$queryRawUnsafe<{ period: string; total: number; has_activity: boolean; groups: { id: string; points: number; notApplicable?: boolean }[] }[]>(
      `SELECT period, total, has_activity, score->'groups' AS groups FROM finished_scores WHERE unit_code = $1 AND period = ANY($2::text[])`, unitCode, keys,
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const points = keys.map((key) => {
      const row = byPeriod.get(key);
      if (!row?.has_activity) return { period: key, total: null, groups: {} };
      return { period: key, total: Number(row.total), groups: Object.fromEntries(row.groups.map((g) => [g.id, g.notApplicable ? null : g.points])) };
    });
    return { unitCode, points };
  }

  /** The subjects behind one criterion of a unit's (pooled) score, the ones that cost points first. */
  async explain(unitCode: string, periodKey: string, criterion: number): Promise<ExplainDto | undefined> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    const scores = await PeriodScores.load(this.prisma, period.key, now);
    if (!scores.has(unitCode)) return undefined;
    const members = scores.score(unitCode).pooledUnits;
    const stored = [...(await subjectsOfUnits(this.prisma, members, period.start, period.end)).values()].flat();
    const items = explainCriterion(criterion, { subjects: groupSubjects(stored), period, asOf: now, ruleSet: ruleSetInForce(period.start) });
    const score = unitScoreView(scores, unitCode).criteria.find((c) => c.id === criterion);
    if (!score) return undefined;
    return {
      unitCode, period: period.key, criterion: score,
      items: items.map((i) => ({
        kind: i.kind, code: i.code, unitCode: i.unitCode, inNumerator: i.inNumerator, inDenominator: i.inDenominator, costsPoints: i.costsPoints,
        reasonVi: i.reason?.vi ?? null, reasonEn: i.reason?.en ?? null, lateByMs: i.lateByMs, facts: i.facts, streamId: i.streamId,
      })),
    };
  }
}
