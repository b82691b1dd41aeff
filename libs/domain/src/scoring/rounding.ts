/**
 * Half-up rounding for display (1.005 → 1.01, 73.605 → 73.61). Sums of points carry binary noise
 * (73.60499999999999 for 73.605), so the value is first cut to 12 significant digits, then shifted
 * in decimal notation rather than multiplied.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const clean = Number(Math.abs(value).toPrecision(12));
  const text = String(clean);
  if (text.includes('e')) return sign * (Math.round(clean * 10 ** decimals) / 10 ** decimals);
  const shifted = Math.round(Number(`${text}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}
