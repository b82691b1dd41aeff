import { type ActiveWindow, monthKeyOf, monthKeysBetween, parsePeriod, type Period, periodsContainingMonth } from '@idx/domain';

/**
 * Months a subject's window reaches, up to the current month for a window still open.
 * A change must recompute the months of both the old and the new window.
 */
export function monthsOfWindow(window: ActiveWindow | undefined, now: number): string[] {
  if (!window) return [];
  const last = window.to ?? Math.max(now, window.from);
  return monthKeysBetween(window.from, parsePeriod(monthKeyOf(last)).end);
}

/** Every period (month, quarter, half, year) that contains one of the months. */
export function periodsOfMonths(months: Iterable<string>): Period[] {
  const byKey = new Map<string, Period>();
  for (const month of months) for (const p of periodsContainingMonth(month)) byKey.set(p.key, p);
  return [...byKey.values()];
}
