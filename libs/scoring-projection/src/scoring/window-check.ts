import { type ActiveWindow, monthKeyOf, parsePeriod, VIETNAM_OFFSET_MS } from '@idx/domain';

/**
 * Instants whose local month key, and the next month's, are four-digit years (YYYY-MM takes 1000-01
 * to 9999-12): a window within them always lists. NaN fails both comparisons.
 */
const LISTABLE_FROM = Date.UTC(1000, 0, 1) - VIETNAM_OFFSET_MS;
const LISTABLE_UNTIL = Date.UTC(9999, 11, 1) - VIETNAM_OFFSET_MS;

/**
 * Throws exactly when, and with the message with which, monthsOfWindow(window, now) would — without
 * listing the months. The projector and the rebuild fold every event and only need to know whether the subject's
 * window can be scored (the live projection parks a subject whose window cannot be); listing the
 * months of a dossier still open took a third of a rebuild's time (docs/performance.md).
 *
 * monthsOfWindow parses the last month, then the first, then every month up to the one after the
 * last. Years only grow along the way, so when the first and the one after the last parse, every
 * month between them does too: those three parses, in that order, throw as the listing would. The
 * usual window, well inside the four-digit years, needs no parse at all.
 */
export function assertWindowScorable(window: ActiveWindow | undefined, now: number): void {
  if (!window) return;
  const last = window.to ?? Math.max(now, window.from);
  if (window.from >= LISTABLE_FROM && window.from < LISTABLE_UNTIL && last >= LISTABLE_FROM && last < LISTABLE_UNTIL) return;
  const end = parsePeriod(monthKeyOf(last)).end;
  const first = parsePeriod(monthKeyOf(window.from));
  if (first.start < end) parsePeriod(monthKeyOf(end));
}
