import type { RuleSet } from '../rules/rule-set';
import { roundHalfUp } from './rounding';
import { bandOf, type CriterionScore, type GroupScore } from './score';

/** Words the published letters use where a number would mislead (DOMAIN.md §4). */
export const DISPLAY_TEXT_VI = {
  notApplicable: 'N/A',
  noFeeProcedures: 'TTHC không có phí, lệ phí',
  noData: 'Chưa có dữ liệu',
} as const;

/** Separators of the languages the console and the files speak: Vietnamese (decimal comma) by default. */
export type DisplayLanguage = 'vi' | 'en';

export interface NumberFormatOptions {
  /** Dots (vi) or commas (en) between thousands; off in CSV so "1.234" cannot read as a decimal. */
  readonly grouping?: boolean;
  /** 'vi' (73,61 · 1.234,5) or 'en' (73.61 · 1,234.5); a BCP 47 locale ("vi-VN", "en-GB") is read by its language. */
  readonly language?: DisplayLanguage | string;
  /** Drop trailing zeros of the fraction (a rule-set maximum: 22, 1,5). */
  readonly trimZeros?: boolean;
}

const languageOf = (value: string | undefined): DisplayLanguage => (value === undefined || value.toLowerCase().startsWith('vi') ? 'vi' : 'en');

/**
 * THE number format of every screen and file: rounded half-up first (so display never disagrees
 * with ranks or stored totals), then Vietnamese separators — decimal comma, dot between thousands
 * (73,61 · 1.234,5) — or English ones for the console in English.
 */
export function formatNumber(value: number, decimals: number, options: NumberFormatOptions = {}): string {
  const rounded = roundHalfUp(value, decimals);
  const [whole, rawFraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const fraction = options.trimZeros ? rawFraction?.replace(/0+$/, '') : rawFraction;
  const vi = languageOf(options.language) === 'vi';
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, vi ? '.' : ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `${vi ? ',' : '.'}${fraction}` : ''}`;
}

/** Vietnamese number format: decimal comma, dot between thousands (73,61 · 1.234,5). */
export function formatNumberVi(value: number, decimals: number, options: { readonly grouping?: boolean } = {}): string {
  return formatNumber(value, decimals, { ...options, language: 'vi' });
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

/** What a group cell needs: the domain's GroupScore, or the API's GroupScoreDto (with its status). */
export interface GroupCell {
  readonly points: number;
  readonly applicableMax: number;
  readonly rate: number | null;
  readonly notApplicable: boolean;
  readonly status?: ScoreCellStatus;
}

/**
 * A group as every screen and file prints it: "15,8/22" over the APPLICABLE maximum, and its rate
 * points ÷ applicable maximum; N/A when nothing in it applies; "Chưa có dữ liệu" (no number) when
 * there was nothing to measure.
 */
export function formatGroup(group: GroupCell, ruleSet: RuleSet, language: DisplayLanguage | string = 'vi'): { readonly score: string; readonly rate: string } {
  // The status, when known, decides (a unit without activity is "no data" even in a no-fee group).
  const status = group.status ?? (group.notApplicable ? 'not-applicable' : 'ok');
  if (status === 'no-data') return { score: DISPLAY_TEXT_VI.noData, rate: DISPLAY_TEXT_VI.noData };
  if (status === 'not-applicable' || group.rate === null) return { score: DISPLAY_TEXT_VI.notApplicable, rate: DISPLAY_TEXT_VI.notApplicable };
  return {
    score: `${formatNumber(group.points, ruleSet.rounding.group, { language })}/${formatNumber(group.applicableMax, 1, { language, trimZeros: true })}`,
    rate: `${formatNumber(group.rate * 100, ruleSet.rounding.rate, { language })}%`,
  };
}

/** A criterion's rate cell: N/A, "TTHC không có phí, lệ phí", no data, or the percentage. */
export function formatCriterionRate(score: Pick<CriterionScore, 'status' | 'flags' | 'ratio'>, ruleSet: RuleSet): string {
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
 * A criterion's status. A unit without activity (hasActivity) is "no data" in every criterion that
 * could apply to it: its free points (no petitions = full points, a catalogue alone) are not printed
 * as if it had been measured, nor is "TTHC không có phí, lệ phí" (a fact of its data) — only a
 * criterion N/A at its level (criterion 2 below a province) stays N/A.
 */
export function criterionStatus(score: Pick<CriterionScore, 'status' | 'flags'>, active: boolean): ScoreCellStatus {
  if (score.status === 'not-applicable' && (active || score.flags.includes('not-applicable-level'))) return 'not-applicable';
  return active ? score.status : 'no-data';
}

/**
 * A group's status, from its criteria's statuses (criterionStatus): N/A when none of them applies;
 * "no data" for a unit without activity; otherwise its points are a measured figure — a group whose
 * criteria had nothing to count in an active unit scores 0 out of its full maximum (DOMAIN.md §4:
 * the maximum is not reduced), and that 0 is part of the total, so it is printed.
 */
export function groupStatus(group: Pick<GroupScore, 'id'>, criteria: readonly CriterionScore[], active: boolean): ScoreCellStatus {
  const statuses = criteria.filter((c) => c.group === group.id).map((c) => criterionStatus(c, active));
  if (statuses.length > 0 && statuses.every((s) => s === 'not-applicable')) return 'not-applicable';
  return active ? 'ok' : 'no-data';
}

/** Said beside groups whose points do not add up to a total rescaled over the applicable maximum. */
export const RESCALED_NOTE_VI = 'Tổng điểm đã quy đổi về thang 100 (loại trừ các tiêu chí không áp dụng)';

/** A total as printed: the number, or "Chưa có dữ liệu" for a unit without activity. */
export function formatTotalOrNoData(total: number, active: boolean, ruleSet: RuleSet): string {
  return active ? formatTotal(total, ruleSet) : DISPLAY_TEXT_VI.noData;
}
