import type { AverageDto, RankingDto, UnitScoreDto } from '@idx/contracts';
import { averageOf, type Averages, peerGroupOf, rankWithinPeers, ruleSetInForce } from '@idx/domain';
import type { ReadModelClient } from '../prisma-client';
import { PeriodScores, type ScoredUnit } from './period-scores';
import { bandDto, criterionDtos, groupDtos, unitRef } from './score-dto';

export interface RankingFilter {
  /** province (default) | department | district | commune */
  readonly level?: string;
  /** Only units inside this unit (a province). */
  readonly parent?: string;
}

/** Display precision of totals: units shown with the same total share a rank. */
const RANK_DECIMALS = 2;

function averageDto(a: Averages): AverageDto {
  return { total: a.total, groups: { ...a.groups } as Record<string, number>, count: a.count };
}

/** What the reporting API answers, read from the scoring projection's tables. */
export class ScoreQueries {
  constructor(private readonly prisma: ReadModelClient, private readonly clock: () => number = Date.now) {}

  async unitScore(unitCode: string, periodKey: string): Promise<UnitScoreDto | undefined> {
    const scores = await PeriodScores.load(this.prisma, periodKey, this.clock());
    if (!scores.has(unitCode)) return undefined;
    const scored = scores.score(unitCode);
    const peerGroup = peerGroupOf(scores.tree, unitCode, scores.at);
    const peers = peerGroup === undefined ? [] : scores.unitCodes().filter((c) => peerGroupOf(scores.tree, c, scores.at) === peerGroup).map((c) => scores.score(c));
    const ranked = rankWithinPeers(peers.map((p) => p.row), scores.tree, scores.at, 'total', { decimals: RANK_DECIMALS });
    const mine = ranked.find((r) => r.unitCode === unitCode);
    const ruleSet = ruleSetInForce(scores.period.start);
    return {
      unit: unitRef(scored.unit, unitCode),
      period: scores.period.key,
      ruleSetId: scored.score.ruleSetId,
      total: scored.score.total,
      band: bandDto(scored.score),
      groups: groupDtos(scored.score, ruleSet),
      criteria: criterionDtos(scored.score, ruleSet),
      applicableMax: scored.score.applicableMax,
      rescaled: scored.score.rescaled === true,
      pooledUnits: scored.pooledUnits,
      rank: mine ? { rank: mine.rank, of: mine.of, peerGroup: mine.peerGroup } : null,
      updatedAt: scored.updatedAt.toISOString(),
    };
  }

  async ranking(periodKey: string, filter: RankingFilter = {}): Promise<RankingDto> {
    const scores = await PeriodScores.load(this.prisma, periodKey, this.clock());
    const level = filter.level ?? 'province';
    const ruleSet = ruleSetInForce(scores.period.start);
    const inScope = (s: ScoredUnit): boolean => {
      if ((s.unit?.level ?? 'unknown') !== level) return false;
      if (!filter.parent) return true;
      return s.unit?.parentCode === filter.parent || (peerGroupOf(scores.tree, s.code, scores.at) ?? '').startsWith(`${filter.parent}/`);
    };
    const listed = scores.unitCodes().map((c) => scores.score(c)).filter(inScope);
    const byCode = new Map(listed.map((s) => [s.code, s]));
    const ranked = rankWithinPeers(listed.map((s) => s.row), scores.tree, scores.at, 'total', { decimals: RANK_DECIMALS });
    return {
      period: scores.period.key,
      level,
      parent: filter.parent ?? null,
      average: averageDto(averageOf(listed.map((s) => s.row))),
      rows: ranked.map((r) => {
        const s = byCode.get(r.unitCode) as ScoredUnit;
        return {
          rank: r.rank, of: r.of, peerGroup: r.peerGroup, unit: unitRef(s.unit, s.code), total: s.score.total,
          band: bandDto(s.score), groups: groupDtos(s.score, ruleSet), updatedAt: s.updatedAt.toISOString(),
        };
      }),
    };
  }
}
