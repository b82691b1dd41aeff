import { type ActiveWindow, monthKeyOf, parsePeriod } from '@idx/domain';

/**
 * Throws exactly when, and with the message with which, monthsOfWindow(window, now) would — without
 * listing the months. The rebuild folds every event and only needs to know whether the subject's
 * window can be scored (the live projection parks a subject whose window cannot be); listing the
 * months of a dossier still open took a third of a rebuild's time (docs/performance.md).
 *
 * monthsOfWindow parses the last month, then the first, then every month up to the one after the
 * last. Years only grow along the way, so when the first and the one after the last parse, every
 * month between them does too: those three parses, in that order, throw as the listing would.
 */
export function assertWindowScorable(window: ActiveWindow | undefined, now: number): void {
  if (!window) return;
  const last = window.to ?? Math.max(now, window.from);
  const end = parsePeriod(monthKeyOf(last)).end;
  const first = parsePeriod(monthKeyOf(window.from));
  if (first.start < end) parsePeriod(monthKeyOf(end));
}
