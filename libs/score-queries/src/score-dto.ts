import type { CriterionScoreDto, GroupScoreDto, UnitRefDto } from '@idx/contracts';
import { criterionStatus, groupStatus, type RuleSet, type UnitScore, type UnitSnapshot } from '@idx/domain';

/** Where a unit's groups stand among its peers (PeerStandings), for the answers that rank. */
export interface GroupPeers {
  /** The group's rank among the peers; null when the unit is not ranked. */
  rank(groupId: string): { readonly rank: number | null; readonly of: number } | null;
  /** The peers' unweighted average of the group; null when no ranked peer has it. */
  average(groupId: string): number | null;
}

/** Groups with their applicable maximum, rate and status: every screen and file prints x/applicableMax. With `peers`, each group's rank and peer average. */
export function groupDtos(score: UnitScore, ruleSet: RuleSet, active: boolean, peers?: GroupPeers): GroupScoreDto[] {
  return score.groups.map((g) => {
    const rule = ruleSet.groups.find((r) => r.id === g.id);
    return {
      id: g.id, nameVi: rule?.nameVi ?? g.id, nameEn: rule?.nameEn ?? g.id, points: g.points, max: g.max, applicableMax: g.applicableMax,
      rate: g.rate, status: groupStatus(g, score.criteria, active), notApplicable: g.notApplicable === true,
      flags: [...new Set(score.criteria.filter((c) => c.group === g.id).flatMap((c) => c.flags ?? []))],
      ...(peers ? { rank: peers.rank(g.id), peerAverage: peers.average(g.id) } : {}),
    };
  });
}

export function criterionDtos(score: UnitScore, ruleSet: RuleSet, active: boolean): CriterionScoreDto[] {
  return score.criteria.map((c) => {
    const rule = ruleSet.criteria.find((r) => r.id === c.id);
    return {
      id: c.id, group: c.group, nameVi: rule?.nameVi ?? '', nameEn: rule?.nameEn ?? '', numerator: c.numerator, denominator: c.denominator,
      ratio: c.ratio, points: c.points, max: c.max, target: c.target, status: criterionStatus(c, active), flags: [...(c.flags ?? [])],
    };
  });
}

export function bandDto(score: UnitScore): { labelVi: string; labelEn: string } {
  return { labelVi: score.band.labelVi, labelEn: score.band.labelEn };
}

export function unitRef(unit: UnitSnapshot | undefined, code: string): UnitRefDto {
  return unit
    ? { code: unit.code, name: unit.name, level: unit.level ?? 'commune', parentCode: unit.parentCode ?? null }
    : { code, name: code, level: 'unknown', parentCode: null };
}
