const formatters = new Map<string, Intl.NumberFormat>();

function fixedDecimals(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A unit's total out of 100, two decimals (DOMAIN §2): 73,61. */
export function formatTotal(total: number, locale: string): string {
  return fixedDecimals(locale, 2).format(total);
}

/** A group's points against its maximum, one decimal: 15,8/22. */
export function formatGroupPoints(points: number, max: number, locale: string): string {
  const maxText = Number.isInteger(max) ? fixedDecimals(locale, 0).format(max) : fixedDecimals(locale, 1).format(max);
  return `${fixedDecimals(locale, 1).format(points)}/${maxText}`;
}
