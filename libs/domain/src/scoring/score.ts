import type { UnitLevel } from '../events/unit-events';
import type { Band, CriterionRule, GroupId, RuleSet } from '../rules/rule-set';
import type { Figure } from './figures';
import { roundHalfUp } from './rounding';

/** Kept distinct from ingestion to the screen (DOMAIN.md §4): never collapse N/A or no data into 0. */
export type CriterionStatus = 'ok' | 'no-data' | 'not-applicable';

/** Why a score is what it is when the plain ratio did not decide it. */
export type ScoreFlag =
  | 'empty-full-points' // denominator 0, rule gives full points (criteria 19, 20)
  | 'empty-zero' // denominator 0, rule gives 0 points with status ok (criterion 21)
  | 'fallback-denominator' // denominator 0, last year's monthly average used (criterion 4)
  | 'no-fallback-average' // denominator 0 and no average known: a data-quality problem (criterion 4)
  | 'full-points-by-rule' // the rule set awards full points whatever the data (criterion 15, as the national portal does)
  | 'not-applicable-level' // the criterion does not apply at the unit's level (criterion 2 below province)
  | 'not-applicable-data' // the unit's data says the criterion does not concern it
  | 'no-fee-bearing-procedures'; // payment criteria: "TTHC không có phí, lệ phí"

export interface CriterionScore {
  readonly id: number;
  readonly group: GroupId;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator (or the fallback denominator); null when there is none or the criterion does not apply. */
  readonly ratio: number | null;
  /** Unrounded points; null when not applicable. */
  readonly points: number | null;
  readonly max: number;
  readonly target: number;
  readonly status: CriterionStatus;
  /** Rule-set policies and data-quality notes behind this score, plus the figure's own flags. */
  readonly flags: readonly string[];
}

export interface GroupScore {
  readonly id: GroupId;
  /** Sum of the unrounded points of the group's applicable criteria. */
  readonly points: number;
  readonly max: number;
  /** Max of the group's scored criteria that apply to the unit. */
  readonly applicableMax: number;
  /** Every scored criterion of the group is N/A (e.g. payment for a unit without fees). */
  readonly notApplicable: boolean;
  /** points ÷ applicable max, the "tỷ lệ" letters print beside a group; null when N/A. */
  readonly rate: number | null;
}

export interface UnitScore {
  readonly ruleSetId: string;
  readonly criteria: readonly CriterionScore[];
  readonly groups: readonly GroupScore[];
  /** Sum of unrounded points, rescaled to 100 over the applicable maximum when the rule set says so. */
  readonly total: number;
  readonly rawPoints: number;
  readonly applicableMax: number;
  /** True when N/A criteria were rescaled away. */
  readonly rescaled: boolean;
  /** Band of the total as displayed (rounded to the rule set's total decimals). */
  readonly band: Band;
}

/** What a score needs to know about the unit beyond its figures. */
export interface ScoreContext {
  /** The unit's level, for criteria that apply at some levels only (criterion 2: province). */
  readonly level?: UnitLevel;
}

function applies(rule: CriterionRule, context: ScoreContext): boolean {
  return !(rule.appliesToLevels && context.level && !rule.appliesToLevels.includes(context.level));
}

const pointsFor = (rule: CriterionRule, ratio: number): number => rule.max * Math.min(1, ratio / rule.target);

/** points = max × min(1, r / target), with the rule set's policies for N/A and an empty denominator. */
export function scoreCriterion(rule: CriterionRule, figure: Figure, context: ScoreContext = {}): CriterionScore {
  const base = { id: rule.id, group: rule.group, max: rule.max, target: rule.target, numerator: figure.numerator };
  const own = figure.flags ?? [];
  const notApplicable = (flag: ScoreFlag): CriterionScore =>
    ({ ...base, denominator: figure.denominator, ratio: null, points: null, status: 'not-applicable', flags: [...own, flag] });
  if (!applies(rule, context)) return notApplicable('not-applicable-level');
  if (rule.scoredAs === 'full-points') {
    return { ...base, denominator: figure.denominator, ratio: 1, points: rule.max, status: 'ok', flags: [...own, 'full-points-by-rule'] };
  }
  if (figure.notApplicable) {
    return notApplicable(rule.notApplicableWhen === 'no-fee-bearing-procedures' ? 'no-fee-bearing-procedures' : 'not-applicable-data');
  }
  if (figure.denominator > 0) {
    const ratio = figure.numerator / figure.denominator;
    return { ...base, denominator: figure.denominator, ratio, points: pointsFor(rule, ratio), status: 'ok', flags: own };
  }
  const empty = { ...base, denominator: 0, ratio: null };
  switch (rule.whenEmpty) {
    case 'full-points':
      return { ...empty, points: rule.max, status: 'ok', flags: [...own, 'empty-full-points'] };
    case 'zero':
      return { ...empty, points: 0, status: 'ok', flags: [...own, 'empty-zero'] };
    case 'not-applicable':
      return notApplicable('not-applicable-data');
    case 'fallback-average': {
      const fallback = figure.fallbackDenominator;
      if (fallback !== undefined && fallback > 0) {
        const ratio = (figure.fallbackNumerator ?? figure.numerator) / fallback;
        return { ...empty, ratio, points: pointsFor(rule, ratio), status: 'ok', flags: [...own, 'fallback-denominator'] };
      }
      return { ...empty, points: 0, status: 'no-data', flags: [...own, 'no-fallback-average'] };
    }
    case 'no-data':
      return { ...empty, points: 0, status: 'no-data', flags: own };
  }
}

/** The band a total falls in, judged on the total as displayed so label and number agree. */
export function bandOf(total: number, ruleSet: RuleSet): Band {
  const shown = roundHalfUp(total, ruleSet.rounding.total);
  return ruleSet.bands.find((b) => shown >= b.min) ?? ruleSet.bands[ruleSet.bands.length - 1];
}

/**
 * Scores every criterion that has a figure; groups and total sum the unrounded points. N/A criteria
 * leave the applicable maximum, and the total is rescaled to 100 over it when the rule set says so.
 */
export function scoreUnit(figures: ReadonlyMap<number, Figure>, ruleSet: RuleSet, context: ScoreContext = {}): UnitScore {
  const criteria = ruleSet.criteria
    .filter((rule) => figures.has(rule.id))
    .map((rule) => scoreCriterion(rule, figures.get(rule.id) as Figure, context));
  const groups: GroupScore[] = ruleSet.groups.map((g) => {
    const members = criteria.filter((c) => c.group === g.id);
    const applicableMax = members.reduce((sum, c) => sum + (c.status === 'not-applicable' ? 0 : c.max), 0);
    const points = members.reduce((sum, c) => sum + (c.points ?? 0), 0);
    const notApplicable = members.length > 0 && applicableMax === 0;
    return { id: g.id, max: g.max, points, applicableMax, notApplicable, rate: applicableMax > 0 ? points / applicableMax : null };
  });
  const rawPoints = groups.reduce((sum, g) => sum + g.points, 0);
  const applicableMax = groups.reduce((sum, g) => sum + g.applicableMax, 0);
  const scoredMax = criteria.reduce((sum, c) => sum + c.max, 0);
  const rescaled = ruleSet.rescaleNotApplicable && applicableMax > 0 && applicableMax < scoredMax;
  const total = rescaled ? (rawPoints * scoredMax) / applicableMax : rawPoints;
  return { ruleSetId: ruleSet.id, criteria, groups, total, rawPoints, applicableMax, rescaled, band: bandOf(total, ruleSet) };
}
