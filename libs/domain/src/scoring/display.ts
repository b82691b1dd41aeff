import type { RuleSet } from '../rules/rule-set';
import { roundHalfUp } from './rounding';
import { bandOf, type CriterionScore, type GroupScore } from './score';

/** Words the published letters use where a number would mislead (DOMAIN.md §4). */
export const DISPLAY_TEXT_VI = {
  notApplicable: 'N/A',
  noFeeProcedures: 'TTHC không có phí, lệ phí',
  noData: 'Chưa có dữ liệu',
} as const;

/**
 * Vietnamese number format: decimal comma, dot between thousands (73,61 · 1.234,5).
 * The value is rounded half-up first, so display never disagrees with the rounding helpers.
 */
export function formatNumberVi(value: number, decimals: number, options: { readonly grouping?: boolean } = {}): string {
  const rounded = roundHalfUp(value, decimals);
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Group points to the rule set's decimals (1): "15,8". */
export function formatGroupPoints(points: number, ruleSet: RuleSet): string {
  return formatNumberVi(points, ruleSet.rounding.group);
}

/** Total to the rule set's decimals (2): "73,61". */
export function formatTotal(total: number, ruleSet: RuleSet): string {
  return formatNumberVi(total, ruleSet.rounding.total);
}

/** A ratio as a percentage to the rule set's decimals (2): 0.9825 → "98,25%". */
export function formatRate(ratio: number, ruleSet: RuleSet): string {
  return `${formatNumberVi(ratio * 100, ruleSet.rounding.rate)}%`;
}

/** A group as letters print it: "15,8/22", with its rate, or N/A when nothing in it applies. */
export function formatGroup(group: GroupScore, ruleSet: RuleSet): { readonly score: string; readonly rate: string } {
  if (group.notApplicable || group.rate === null) return { score: DISPLAY_TEXT_VI.notApplicable, rate: DISPLAY_TEXT_VI.notApplicable };
  return {
    score: `${formatGroupPoints(group.points, ruleSet)}/${formatNumberVi(group.applicableMax, 0)}`,
    rate: formatRate(group.rate, ruleSet),
  };
}

/** A criterion's rate cell: N/A, "TTHC không có phí, lệ phí", no data, or the percentage. */
export function formatCriterionRate(score: CriterionScore, ruleSet: RuleSet): string {
  if (score.status === 'not-applicable') {
    return score.flags.includes('no-fee-bearing-procedures') ? DISPLAY_TEXT_VI.noFeeProcedures : DISPLAY_TEXT_VI.notApplicable;
  }
  if (score.status === 'no-data' || score.ratio === null) return DISPLAY_TEXT_VI.noData;
  return formatRate(score.ratio, ruleSet);
}

/** The band label of a total (Xuất sắc, Tốt, Khá, Trung bình, Yếu by default). */
export function bandLabel(total: number, ruleSet: RuleSet, language: 'vi' | 'en' = 'vi'): string {
  const band = bandOf(total, ruleSet);
  return language === 'vi' ? band.labelVi : band.labelEn;
}

/** A rank as letters print it: "01/10", "12/63". */
export function formatRank(rank: number, of: number): string {
  return `${String(rank).padStart(2, '0')}/${of}`;
}

/** Rounds for display: group points, totals and rates (as ratios, to the percentage's decimals). */
export const displayRounding = {
  group: (points: number, ruleSet: RuleSet) => roundHalfUp(points, ruleSet.rounding.group),
  total: (total: number, ruleSet: RuleSet) => roundHalfUp(total, ruleSet.rounding.total),
  rate: (ratio: number, ruleSet: RuleSet) => roundHalfUp(ratio * 100, ruleSet.rounding.rate) / 100,
};

/**
 * What a score, group or criterion cell stands for (DOMAIN.md §4: kept distinct to the screen):
 * `ok` a number (zero included: a measured 0 is shown as 0); `no-data` nothing to measure ("Chưa có dữ liệu");
 * `not-applicable` the unit is not concerned (N/A, or "TTHC không có phí, lệ phí").
 */
export type ScoreCellStatus = 'ok' | 'no-data' | 'not-applicable';

/**
 * A group's status. A unit without activity (hasActivity) is "no data" throughout: its free points
 * (no petitions = full points, a catalogue alone) are never printed as if it had been measured.
 */
export function groupStatus(group: GroupScore, criteria: readonly CriterionScore[], active: boolean): ScoreCellStatus {
  if (group.notApplicable) return 'not-applicable';
  if (!active) return 'no-data';
  const applicable = criteria.filter((c) => c.group === group.id && c.status !== 'not-applicable');
  return applicable.length > 0 && applicable.every((c) => c.status === 'no-data') ? 'no-data' : 'ok';
}

/** A criterion's status; "no data" for every criterion of a unit without activity, N/A kept. */
export function criterionStatus(score: CriterionScore, active: boolean): ScoreCellStatus {
  if (score.status === 'not-applicable') return 'not-applicable';
  return active ? score.status : 'no-data';
}

/** Said beside groups whose points do not add up to a total rescaled over the applicable maximum. */
export const RESCALED_NOTE_VI = 'Tổng điểm đã quy đổi về thang 100 (loại trừ các tiêu chí không áp dụng)';

/** A total as printed: the number, or "Chưa có dữ liệu" for a unit without activity. */
export function formatTotalOrNoData(total: number, active: boolean, ruleSet: RuleSet): string {
  return active ? formatTotal(total, ruleSet) : DISPLAY_TEXT_VI.noData;
}
