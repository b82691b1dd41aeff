import type { Band, CriterionRule, GroupId, RuleSet } from '../rules/rule-set';
import type { Figure } from './figures';

export type CriterionStatus = 'ok' | 'no-data' | 'not-applicable';

export interface CriterionScore {
  readonly id: number;
  readonly group: GroupId;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator; null when there is no denominator or the criterion does not apply. */
  readonly ratio: number | null;
  /** Unrounded points; null when not applicable. */
  readonly points: number | null;
  readonly max: number;
  readonly target: number;
  readonly status: CriterionStatus;
}

export interface GroupScore {
  readonly id: GroupId;
  readonly points: number;
  readonly max: number;
  /** Max of the group's scored criteria that apply to the unit. */
  readonly applicableMax: number;
}

export interface UnitScore {
  readonly ruleSetId: string;
  readonly criteria: readonly CriterionScore[];
  readonly groups: readonly GroupScore[];
  /** Sum of unrounded points, rescaled to 100 over the applicable maximum when the rule set says so. */
  readonly total: number;
  readonly rawPoints: number;
  readonly applicableMax: number;
  readonly band: Band;
}

/** points = max × min(1, r / target), with the rule set's policy for an empty denominator. */
export function scoreCriterion(rule: CriterionRule, figure: Figure): CriterionScore {
  const base = { id: rule.id, group: rule.group, max: rule.max, target: rule.target };
  if (figure.notApplicable) {
    return { ...base, numerator: figure.numerator, denominator: figure.denominator, ratio: null, points: null, status: 'not-applicable' };
  }
  if (figure.denominator <= 0) {
    const points = rule.whenEmpty === 'full-points' ? rule.max : 0;
    const status: CriterionStatus = rule.whenEmpty === 'no-data' ? 'no-data' : 'ok';
    return { ...base, numerator: figure.numerator, denominator: 0, ratio: null, points, status };
  }
  const ratio = figure.numerator / figure.denominator;
  const points = rule.max * Math.min(1, ratio / rule.target);
  return { ...base, numerator: figure.numerator, denominator: figure.denominator, ratio, points, status: 'ok' };
}

export function bandOf(total: number, ruleSet: RuleSet): Band {
  return ruleSet.bands.find((b) => total >= b.min) ?? ruleSet.bands[ruleSet.bands.length - 1];
}

/** Scores every criterion that has a figure; groups and total sum the unrounded points. */
export function scoreUnit(figures: ReadonlyMap<number, Figure>, ruleSet: RuleSet): UnitScore {
  const criteria = ruleSet.criteria
    .filter((rule) => figures.has(rule.id))
    .map((rule) => scoreCriterion(rule, figures.get(rule.id) as Figure));
  const groups = ruleSet.groups.map((g) => {
    const members = criteria.filter((c) => c.group === g.id);
    return {
      id: g.id,
      max: g.max,
      points: members.reduce((sum, c) => sum + (c.points ?? 0), 0),
      applicableMax: members.reduce((sum, c) => sum + (c.status === 'not-applicable' ? 0 : c.max), 0),
    };
  });
  const rawPoints = groups.reduce((sum, g) => sum + g.points, 0);
  const applicableMax = groups.reduce((sum, g) => sum + g.applicableMax, 0);
  const scoredMax = criteria.reduce((sum, c) => sum + c.max, 0);
  const rescale = ruleSet.rescaleNotApplicable && applicableMax > 0 && applicableMax < scoredMax;
  const total = rescale ? (rawPoints * scoredMax) / applicableMax : rawPoints;
  return { ruleSetId: ruleSet.id, criteria, groups, total, rawPoints, applicableMax, band: bandOf(total, ruleSet) };
}
