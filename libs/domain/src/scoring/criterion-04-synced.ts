import { monthsIn } from '../time/periods';
import { type CriterionCalculator, countFigure, figure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 4 (hồ sơ đồng bộ lên Cổng DVCQG): dossiers received in the period that were synced to
 * the national portal (whenever the sync happened: a late sync mends the month it belongs to).
 *
 * Empty denominator (DOMAIN.md §4): last year's monthly average × months replaces the denominator.
 * With nothing received the ordinary numerator is 0 by construction, so the fallback would never
 * award a point; its numerator is the dossiers synced in the period whatever their reception date
 * (the sync work the unit did), carried as `fallbackNumerator` (docs/criteria-rules.md). The
 * average is added here when the caller knows it, else when a stored score is read (withReceivedFallback).
 */
export const criterion04Synced: CriterionCalculator = {
  id: 4,
  compute(input) {
    const ctx = scoringContext(input);
    const counted = countFigure(ctx.received, () => true, (d) => d.syncedAt !== undefined);
    const syncedInSpan = counted.denominator > 0 ? 0 : ctx.dossiers.filter((d) => d.receivedAt !== undefined && ctx.inSpan(d.syncedAt)).length;
    const average = input.lastYearMonthlyReceivedAverage;
    const fallbackDenominator = average !== undefined && average >= 0 ? average * monthsIn(input.period) : undefined;
    if (syncedInSpan === 0 && fallbackDenominator === undefined) return counted;
    return figure(counted.numerator, counted.denominator, {
      ...(fallbackDenominator === undefined ? {} : { fallbackDenominator }),
      ...(syncedInSpan > 0 ? { fallbackNumerator: syncedInSpan } : {}),
    });
  },
};
