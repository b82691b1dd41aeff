import { monthsIn, type Period } from '../time/periods';
import type { Figure } from './figures';

/** The criterion whose denominator is "dossiers received in the period" and carries the fallback. */
const RECEIVED_CRITERION = 4;

/**
 * Last year's monthly average of received dossiers (criterion 4's fallback, DOMAIN.md §4), from a
 * unit's stored monthly figures of that year (see previousYearMonthKeys). Months the unit has no
 * figures for count as zero; undefined when no month of last year is known at all.
 */
export function monthlyAverageReceived(monthFigures: readonly ReadonlyMap<number, Figure>[], monthsInYear = 12): number | undefined {
  const known = monthFigures.filter((m) => m.has(RECEIVED_CRITERION));
  if (known.length === 0) return undefined;
  const received = known.reduce((s, m) => s + (m.get(RECEIVED_CRITERION) as Figure).denominator, 0);
  return received / monthsInYear;
}

/**
 * Adds criterion 4's fallback denominator (last year's monthly average × months in the period) to
 * a unit's stored figures. Applied when a score is read, so it always reflects last year's figures
 * as they stand now, whatever order the projection computed the months in.
 */
export function withReceivedFallback(figures: ReadonlyMap<number, Figure>, average: number | undefined, period: Period): Map<number, Figure> {
  const out = new Map(figures);
  const own = figures.get(RECEIVED_CRITERION);
  if (own === undefined || average === undefined || !(average >= 0)) return out;
  out.set(RECEIVED_CRITERION, { ...own, fallbackDenominator: average * monthsIn(period) });
  return out;
}
