import { type Figure, figure } from './figures';

/**
 * Pools the figures of several units (a province = itself + all descendants, DOMAIN.md §5):
 * numerators, denominators and fallback numerators and denominators add; a criterion is N/A for the pool only
 * when it is N/A for every unit that has it; flags are the union.
 */
export function poolFigures(figuresOfUnits: readonly ReadonlyMap<number, Figure>[]): Map<number, Figure> {
  const ids = [...new Set(figuresOfUnits.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const pooled = new Map<number, Figure>();
  for (const id of ids) {
    const parts = figuresOfUnits.map((m) => m.get(id)).filter((f): f is Figure => f !== undefined);
    const fallbacks = parts.map((f) => f.fallbackDenominator).filter((x): x is number => x !== undefined);
    const fallbackNumerators = parts.map((f) => f.fallbackNumerator).filter((x): x is number => x !== undefined);
    pooled.set(
      id,
      figure(
        parts.reduce((s, f) => s + f.numerator, 0),
        parts.reduce((s, f) => s + f.denominator, 0),
        {
          notApplicable: parts.every((f) => f.notApplicable === true),
          ...(fallbacks.length > 0 ? { fallbackDenominator: fallbacks.reduce((s, x) => s + x, 0) } : {}),
          // Only an empty pooled denominator uses it, and only units with none received carry it.
          ...(fallbackNumerators.length > 0 && parts.every((f) => f.denominator === 0) ? { fallbackNumerator: fallbackNumerators.reduce((s, x) => s + x, 0) } : {}),
          flags: parts.flatMap((f) => f.flags ?? []),
        },
      ),
    );
  }
  return pooled;
}
