import { formatNumber, formatRank as formatRankDomain, QD766_2022, roundHalfUp } from '@idx/domain';

/**
 * The console's number words, all through the domain's one display module (formatNumber: half-up,
 * decimal comma in Vietnamese), so a screen never disagrees with the XLSX, the PDF or a rank.
 * Decimals are the rule set's (DOMAIN.md §8): total 2, group 1, rate 2.
 */
const DECIMALS = QD766_2022.rounding;

export { roundHalfUp };

/** A unit's total out of 100: 73,61. */
export function formatTotal(total: number, locale: string): string {
  return formatNumber(total, DECIMALS.total, { language: locale });
}

/** Points of one criterion, with the total's decimals they add up to: 14,25. */
export function formatCriterionPoints(points: number, locale: string): string {
  return formatNumber(points, DECIMALS.total, { language: locale });
}

/** A maximum as rule sets write it: 20, 22, or 1,5 when fractional. */
export function formatMax(max: number, locale: string): string {
  return formatNumber(max, 1, { language: locale, trimZeros: true });
}

/** Group points, one decimal: 15,8. */
export function formatPoints1(points: number, locale: string): string {
  return formatNumber(points, DECIMALS.group, { language: locale });
}

/** A group's points against its (applicable) maximum: 15,8/22. */
export function formatGroupPoints(points: number, max: number, locale: string): string {
  return `${formatPoints1(points, locale)}/${formatMax(max, locale)}`;
}

/** A data rate (ratio 0..1) as a percentage: 0.9825 → 98,25%. */
export function formatRate(ratio: number, locale: string): string {
  return `${formatNumber(ratio * 100, DECIMALS.rate, { language: locale })}%`;
}

/** A rule-set target (ratio) as the decision writes it: 0.8 → 80%. */
export function formatTarget(ratio: number, locale: string): string {
  return `${formatNumber(ratio * 100, 2, { language: locale, trimZeros: true })}%`;
}

/** A count of dossiers, procedures or events: 1.234 (a fallback denominator may carry decimals). */
export function formatCount(count: number, locale: string): string {
  return formatNumber(count, 2, { language: locale, trimZeros: true });
}

/** A signed change of a total, with an arrow: ▲ 1,25 · ▼ 0,50 · 0,00. */
export function formatTotalChange(delta: number, locale: string): string {
  const rounded = roundHalfUp(delta, DECIMALS.total);
  if (rounded === 0) return formatTotal(0, locale);
  return `${rounded > 0 ? '▲' : '▼'} ${formatTotal(Math.abs(rounded), locale)}`;
}

/** A rank as letters print it: "01/10", "12/63". */
export const formatRank = formatRankDomain;
