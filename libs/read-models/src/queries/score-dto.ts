import type { CriterionScoreDto, GroupScoreDto, UnitRefDto } from '@idx/contracts';
import { type RuleSet, ruleSetById, type UnitScore } from '@idx/domain';

export function groupDtos(score: UnitScore, ruleSet: RuleSet): GroupScoreDto[] {
  return score.groups.map((g) => {
    const rule = ruleSet.groups.find((r) => r.id === g.id);
    return { id: g.id, nameVi: rule?.nameVi ?? g.id, nameEn: rule?.nameEn ?? g.id, points: g.points, max: g.max };
  });
}

export function criterionDtos(score: UnitScore, ruleSet: RuleSet): CriterionScoreDto[] {
  return score.criteria.map((c) => {
    const rule = ruleSet.criteria.find((r) => r.id === c.id);
    return { ...c, nameVi: rule?.nameVi ?? '', nameEn: rule?.nameEn ?? '' };
  });
}

export function bandDto(score: UnitScore): { labelVi: string; labelEn: string } {
  return { labelVi: score.band.labelVi, labelEn: score.band.labelEn };
}

export function ruleSetOf(score: UnitScore): RuleSet {
  return ruleSetById(score.ruleSetId);
}

export interface UnitRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export function unitRef(unit: UnitRow | undefined, code: string): UnitRefDto {
  return unit ? { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode } : { code, name: code, level: 'unknown', parentCode: null };
}
