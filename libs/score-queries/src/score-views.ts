import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { averageOf, peerGroupOf, RESCALED_NOTE_VI, rankWithinPeers, ruleSetInForce } from '@idx/domain';
import type { PeriodScores, ScoredUnit } from './period-scores';
import { bandDto, criterionDtos, groupDtos, unitRef } from './score-dto';

export interface RankingFilter {
  /** province (default) | department | district | commune */
  readonly level?: string;
  /** Only units inside this unit (a province). */
  readonly parent?: string;
}

/** One unit's score with its rank among its peers. */
export function unitScoreView(scores: PeriodScores, unitCode: string, asOf?: Date): UnitScoreDto {
  const scored = scores.score(unitCode);
  const peerGroup = peerGroupOf(scores.tree, unitCode, scores.at);
  // Ranked among the peers that had activity, as in the ranking; a unit without activity has no rank.
  const peers = peerGroup === undefined || !scores.hasData(unitCode) ? [] : scores.unitCodes()
    .filter((c) => peerGroupOf(scores.tree, c, scores.at) === peerGroup && scores.hasData(c)).map((c) => scores.score(c));
  const ruleSet = ruleSetInForce(scores.period.start);
  // Rows carry the displayed total: units shown with the same total share a rank.
  const mine = rankWithinPeers(peers.map((p) => p.row), scores.tree, scores.at, 'total', { decimals: ruleSet.rounding.total }).find((r) => r.unitCode === unitCode);
  const active = scored.hasActivity;
  return {
    unit: unitRef(scored.unit, unitCode),
    period: scores.period.key,
    ...(asOf ? { asOf: asOf.toISOString() } : {}),
    ruleSetId: scored.score.ruleSetId,
    total: scored.total,
    hasData: active,
    status: active ? 'ok' : 'no-data',
    band: bandDto(scored.score),
    groups: groupDtos(scored.score, ruleSet, active),
    criteria: criterionDtos(scored.score, ruleSet, active),
    applicableMax: scored.score.applicableMax,
    rescaled: scored.score.rescaled === true,
    rescaledNoteVi: scored.score.rescaled === true ? RESCALED_NOTE_VI : null,
    pooledUnits: scored.pooledUnits,
    rank: mine ? { rank: mine.rank, of: mine.of, peerGroup: mine.peerGroup } : null,
    updatedAt: scored.updatedAt.toISOString(),
  };
}

/** Units of a level (inside a parent) ranked among their peers, with the average and the change since `previous`. */
export function rankingView(scores: PeriodScores, previous: PeriodScores | undefined, filter: RankingFilter): RankingDto {
  const level = filter.level ?? 'province';
  const ruleSet = ruleSetInForce(scores.period.start);
  const inScope = (s: ScoredUnit): boolean => {
    if ((s.unit?.level ?? 'unknown') !== level) return false;
    if (!filter.parent) return true;
    return s.unit?.parentCode === filter.parent || (peerGroupOf(scores.tree, s.code, scores.at) ?? '').startsWith(`${filter.parent}/`);
  };
  const listed = scores.unitCodes().map((c) => scores.score(c)).filter(inScope);
  const byCode = new Map(listed.map((s) => [s.code, s]));
  // Only units with activity are ranked and averaged: a unit with no dossiers still gets points
  // (no petitions = full points), which must not place it among units that served citizens.
  const active = listed.filter((s) => scores.hasData(s.code));
  const ranked = rankWithinPeers(active.map((s) => s.row), scores.tree, scores.at, 'total', { decimals: ruleSet.rounding.total });
  const idle = listed.filter((s) => !scores.hasData(s.code)).sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({ unitCode: s.code, rank: null, of: ranked.filter((r) => r.peerGroup === peerGroupOf(scores.tree, s.code, scores.at)).length, peerGroup: peerGroupOf(scores.tree, s.code, scores.at) ?? 'unattached' }));
  const average = averageOf(active.map((s) => s.row));
  return {
    period: scores.period.key,
    level,
    parent: filter.parent ?? null,
    average: { total: average.total, groups: { ...average.groups } as Record<string, number>, count: average.count },
    rows: [...ranked, ...idle].map((r) => {
      const s = byCode.get(r.unitCode) as ScoredUnit;
      return {
        rank: r.rank, of: r.of, peerGroup: r.peerGroup, hasData: s.hasActivity, unit: unitRef(s.unit, s.code), total: s.total,
        band: bandDto(s.score), groups: groupDtos(s.score, ruleSet, s.hasActivity),
        previousTotal: previous?.hasData(s.code) ? previous.score(s.code).total : null,
        updatedAt: s.updatedAt.toISOString(),
      };
    }),
  };
}
