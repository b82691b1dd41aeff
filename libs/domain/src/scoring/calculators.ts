import { criterion05OnTime } from './criterion-05-on-time';
import { criterion08OnlineFiling } from './criterion-08-online-filing';
import type { CriterionCalculator, Figure, ScoringInput } from './figures';

/** The criteria computed today. A new criterion is one more calculator in this list. */
export const CALCULATORS: readonly CriterionCalculator[] = [criterion05OnTime, criterion08OnlineFiling];

export function computeFigures(input: ScoringInput, calculators = CALCULATORS): Map<number, Figure> {
  return new Map(calculators.map((c) => [c.id, c.compute(input)]));
}
