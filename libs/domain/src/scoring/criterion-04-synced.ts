import { monthsIn } from '../time/periods';
import { type CriterionCalculator, countFigure, figure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 4 (hồ sơ đồng bộ lên Cổng DVCQG): dossiers received in the period that were synced to
 * the national portal (whenever the sync happened: a late sync mends the month it belongs to).
 * The figure carries last year's monthly average × months as fallback denominator when the caller
 * knows it; the rule set's `fallback-average` policy uses it only if nothing was received.
 */
export const criterion04Synced: CriterionCalculator = {
  id: 4,
  compute(input) {
    const ctx = scoringContext(input);
    const counted = countFigure(ctx.received, () => true, (d) => d.syncedAt !== undefined);
    const average = input.lastYearMonthlyReceivedAverage;
    if (average === undefined || !(average >= 0)) return counted;
    return figure(counted.numerator, counted.denominator, { fallbackDenominator: average * monthsIn(input.period) });
  },
};
