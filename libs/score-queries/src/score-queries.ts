import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { type Period, periodContaining, resolvePeriod } from '@idx/domain';
import type { PostgresHistoryReader } from '@idx/event-store';
import { everyUnit, poolOf, replayPeriodScores } from './as-of/replayed-period-scores';
import type { ReadModelClient } from '@idx/read-models';
import { PeriodScores } from './period-scores';
import { type RankingFilter, rankingView, unitScoreView } from './score-views';
import { loadUnitTree } from './unit-tree-loader';

export type { RankingFilter } from './score-views';

function previousOf(period: Period): Period {
  return periodContaining(period.kind, period.start - 1);
}

/**
 * What the reporting API answers: from the scoring projection's tables, or — with `asOf` — from
 * the events recorded up to that instant, recomputed.
 */
export class ScoreQueries {
  constructor(
    private readonly prisma: ReadModelClient,
    private readonly history?: PostgresHistoryReader,
    private readonly clock: () => number = Date.now,
  ) {}

  async unitScore(unitCode: string, periodKey: string, asOf?: Date): Promise<UnitScoreDto | undefined> {
    const { period } = resolvePeriod(periodKey, this.clock());
    const scores = asOf ? await this.replayed(period.key, asOf, unitCode) : await PeriodScores.load(this.prisma, period.key, this.clock());
    if (!scores.has(unitCode)) return undefined;
    return unitScoreView(scores, unitCode, asOf);
  }

  async ranking(periodKey: string, filter: RankingFilter = {}, asOf?: Date): Promise<RankingDto> {
    const { period } = resolvePeriod(periodKey, this.clock());
    const [scores, previous] = asOf
      ? await Promise.all([this.replayed(period.key, asOf), this.replayed(previousOf(period).key, asOf)])
      : await loadUnitTree(this.prisma).then((tree) => Promise.all([
        PeriodScores.load(this.prisma, period.key, this.clock(), tree),
        PeriodScores.load(this.prisma, previousOf(period).key, this.clock(), tree),
      ]));
    return rankingView(scores, previous, filter);
  }

  /**
   * Scores recomputed from the events recorded up to `asOf`: one unit's pool, or every unit — the
   * pool as the unit tree stood at `asOf` (audit/replayed-period-scores.ts), not today's.
   */
  private async replayed(periodKey: string, asOf: Date, unitCode?: string): Promise<PeriodScores> {
    if (!this.history) throw new Error('as-of queries need the event history reader');
    const period = resolvePeriod(periodKey, this.clock()).period;
    const others = unitCode ? [] : (await this.prisma.unitPeriodScore.findMany({ select: { unitCode: true }, distinct: ['unitCode'] })).map((r) => r.unitCode);
    const pick = unitCode ? poolOf(unitCode) : everyUnit(others);
    return (await replayPeriodScores(this.history, pick, period.key, { recordedUntil: asOf }, asOf.getTime())).scores;
  }
}
