import { roundHalfUp } from '@idx/domain';
const formatters = new Map<string, Intl.NumberFormat>();

function cached(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

function fixedDecimals(locale: string, decimals: number): Intl.NumberFormat {
  return cached(`${locale}|fixed|${decimals}`, () =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
}

function upToDecimals(locale: string, decimals: number): Intl.NumberFormat {
  return cached(`${locale}|upto|${decimals}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }));
}

export { roundHalfUp };

function fixed(value: number, decimals: number, locale: string): string {
  return fixedDecimals(locale, decimals).format(roundHalfUp(value, decimals));
}

/** A unit's total out of 100, two decimals (DOMAIN §2): 73,61. */
export function formatTotal(total: number, locale: string): string {
  return fixed(total, 2, locale);
}

/** Points of one criterion, two decimals like the total they add up to: 14,25. */
export function formatCriterionPoints(points: number, locale: string): string {
  return fixed(points, 2, locale);
}

/** A maximum as rule sets write it: 20, 22, or 1,5 when fractional. */
export function formatMax(max: number, locale: string): string {
  return upToDecimals(locale, 1).format(max);
}

/** Group points, one decimal: 15,8. */
export function formatPoints1(points: number, locale: string): string {
  return fixed(points, 1, locale);
}

/** A group's points against its maximum, one decimal: 15,8/22. */
export function formatGroupPoints(points: number, max: number, locale: string): string {
  return `${formatPoints1(points, locale)}/${formatMax(max, locale)}`;
}

/** A data rate (ratio 0..1) as a percentage with two decimals: 0.9825 → 98,25%. */
export function formatRate(ratio: number, locale: string): string {
  return `${fixed(ratio * 100, 2, locale)}%`;
}

/** A rule-set target (ratio) as the decision writes it: 0.8 → 80%. */
export function formatTarget(ratio: number, locale: string): string {
  return `${upToDecimals(locale, 2).format(roundHalfUp(ratio * 100, 2))}%`;
}

/** A count of dossiers, procedures or events: 1.234 (a fallback denominator may carry decimals). */
export function formatCount(count: number, locale: string): string {
  return upToDecimals(locale, 2).format(count);
}

/** A signed change of a total, two decimals, with an arrow: ▲ 1,25 · ▼ 0,50 · 0,00. */
export function formatTotalChange(delta: number, locale: string): string {
  const rounded = roundHalfUp(delta, 2);
  if (rounded === 0) return fixed(0, 2, locale);
  return `${rounded > 0 ? '▲' : '▼'} ${fixed(Math.abs(rounded), 2, locale)}`;
}

/** A rank as letters print it: "01/10", "12/63". */
export function formatRank(rank: number, of: number): string {
  return `${String(rank).padStart(2, '0')}/${of}`;
}
