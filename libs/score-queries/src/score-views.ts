import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { averageOf, RESCALED_NOTE_VI, ruleSetInForce } from '@idx/domain';
import type { PeriodScores, ScoredUnit } from './period-scores';
import { PeerStandings } from './peer-standings';
import { bandDto, criterionDtos, type GroupPeers, groupDtos, unitRef } from './score-dto';

/** What a ranking orders by: the total (default) or one group of the rule set, by that group's rank. */
export type RankingSort = 'total' | string;

export interface RankingFilter {
  /** province (default) | department | district | commune */
  readonly level?: string;
  /** Only units inside this unit (a province). */
  readonly parent?: string;
  /** `total` (default) or a group id: rows ordered by that group's rank among their peers. */
  readonly sort?: RankingSort;
}

/** A unit's groups among its peers: ranked only when the unit is (it had activity), averaged over the ranked peers. */
function groupPeersOf(standings: PeerStandings, code: string, peerGroup: string | undefined): GroupPeers {
  const ranked = standings.total(code) !== undefined;
  const average = standings.average(peerGroup);
  return {
    rank: (groupId) => (ranked ? standings.group(code, groupId) ?? null : null),
    average: (groupId) => average?.groups[groupId] ?? null,
  };
}

/** One unit's score with its rank, and each group's rank and peer average, among its peers. */
export function unitScoreView(scores: PeriodScores, unitCode: string, asOf?: Date): UnitScoreDto {
  const scored = scores.score(unitCode);
  const structure = scores.structure;
  const peerGroup = structure.peerGroupOf(unitCode);
  // Ranked among the peers that had activity, as in the ranking; a unit without activity has no rank.
  const peers = structure.peersIn(peerGroup).filter((c) => scores.hasData(c)).map((c) => scores.rankRow(c));
  const ruleSet = ruleSetInForce(scores.period.start);
  const standings = new PeerStandings(peers, scores.tree, scores.at, ruleSet, (c) => structure.peerGroupOf(c));
  const active = scored.hasActivity;
  const mine = active ? standings.total(unitCode) : undefined;
  return {
    unit: unitRef(scored.unit, unitCode),
    period: scores.period.key,
    ...(asOf ? { asOf: asOf.toISOString() } : {}),
    ruleSetId: scored.score.ruleSetId,
    total: scored.total,
    hasData: active,
    status: active ? 'ok' : 'no-data',
    band: bandDto(scored.score),
    groups: groupDtos(scored.score, ruleSet, active, groupPeersOf(standings, unitCode, peerGroup)),
    criteria: criterionDtos(scored.score, ruleSet, active),
    applicableMax: scored.score.applicableMax,
    rescaled: scored.score.rescaled === true,
    rescaledNoteVi: scored.score.rescaled === true ? RESCALED_NOTE_VI : null,
    pooledUnits: scored.pooledUnits,
    rank: mine ? { rank: mine.rank, of: mine.of, peerGroup: mine.peerGroup } : null,
    updatedAt: scored.updatedAt.toISOString(),
  };
}

/**
 * Units of a level (inside a parent) ranked among their peers, with the average and the change
 * since `previous`; each group ranked too. Sorted by a group, the ranked rows of each peer group
 * follow that group's rank (N/A last); units without activity always come last.
 */
export function rankingView(scores: PeriodScores, previous: PeriodScores | undefined, filter: RankingFilter): RankingDto {
  const level = filter.level ?? 'province';
  const sort = filter.sort ?? 'total';
  const ruleSet = ruleSetInForce(scores.period.start);
  const structure = scores.structure;
  const listed = structure.unitsOf(level, filter.parent).map((c) => scores.score(c));
  const byCode = new Map(listed.map((s) => [s.code, s]));
  // Only units with activity are ranked and averaged: a unit with no dossiers still gets points
  // (no petitions = full points), which must not place it among units that served citizens.
  const active = listed.filter((s) => scores.hasData(s.code));
  const standings = new PeerStandings(active.map((s) => s.row), scores.tree, scores.at, ruleSet, (c) => structure.peerGroupOf(c));
  const ranked = sort === 'total' ? standings.byTotal : [...standings.byTotal].sort((a, b) =>
    a.peerGroup.localeCompare(b.peerGroup)
    || (standings.group(a.unitCode, sort)?.rank ?? Number.POSITIVE_INFINITY) - (standings.group(b.unitCode, sort)?.rank ?? Number.POSITIVE_INFINITY)
    || a.unitCode.localeCompare(b.unitCode));
  const idle = listed.filter((s) => !scores.hasData(s.code)).sort((a, b) => a.code.localeCompare(b.code)).map((s) => {
    const peerGroup = structure.peerGroupOf(s.code);
    return { unitCode: s.code, rank: null, of: standings.count(peerGroup), peerGroup: peerGroup ?? 'unattached' };
  });
  const average = averageOf(active.map((s) => s.row));
  return {
    period: scores.period.key,
    level,
    parent: filter.parent ?? null,
    sort,
    average: { total: average.total, groups: { ...average.groups } as Record<string, number>, count: average.count },
    rows: [...ranked, ...idle].map((r) => {
      const s = byCode.get(r.unitCode) as ScoredUnit;
      return {
        rank: r.rank, of: r.of, peerGroup: r.peerGroup, hasData: s.hasActivity, unit: unitRef(s.unit, s.code), total: s.total,
        band: bandDto(s.score), groups: groupDtos(s.score, ruleSet, s.hasActivity, groupPeersOf(standings, s.code, structure.peerGroupOf(s.code))),
        previousTotal: previous?.hasData(s.code) ? previous.rankRow(s.code).total : null,
        updatedAt: s.updatedAt.toISOString(),
      };
    }),
  };
}
