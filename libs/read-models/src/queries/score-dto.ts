import type { CriterionScoreDto, GroupScoreDto, UnitRefDto } from '@idx/contracts';
import { type RuleSet, type UnitScore, type UnitSnapshot } from '@idx/domain';

export function groupDtos(score: UnitScore, ruleSet: RuleSet): GroupScoreDto[] {
  return score.groups.map((g) => {
    const rule = ruleSet.groups.find((r) => r.id === g.id);
    return { id: g.id, nameVi: rule?.nameVi ?? g.id, nameEn: rule?.nameEn ?? g.id, points: g.points, max: g.max, notApplicable: g.notApplicable === true };
  });
}

export function criterionDtos(score: UnitScore, ruleSet: RuleSet): CriterionScoreDto[] {
  return score.criteria.map((c) => {
    const rule = ruleSet.criteria.find((r) => r.id === c.id);
    return {
      id: c.id, group: c.group, nameVi: rule?.nameVi ?? '', nameEn: rule?.nameEn ?? '', numerator: c.numerator, denominator: c.denominator,
      ratio: c.ratio, points: c.points, max: c.max, target: c.target, status: c.status, flags: [...(c.flags ?? [])],
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
