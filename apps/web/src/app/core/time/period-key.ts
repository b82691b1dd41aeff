import { monthKeysBetween, parsePeriod, type Period, periodContaining } from '@idx/domain';
import { currentMonthKey, isMonthKey } from './vietnam-time';

/** The periods DOMAIN §5 names; `mtd` is the open month judged now. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'mtd';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'mtd'];

/** A period key the API understands, split into its parts. */
export interface PeriodParts {
  readonly kind: PeriodKind;
  readonly key: string;
  readonly year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; 0 for a year. */
  readonly index: number;
}

export const MTD_KEY = 'mtd';

/** The first year the index existed (Decision 766 dates from June 2022). */
export const FIRST_YEAR = 2022;

/** The domain's period (its grammar and its Vietnam-local bounds), or null for an unreadable key. */
function domainPeriod(key: string): Period | null {
  try {
    return parsePeriod(key);
  } catch {
    return null;
  }
}

/** Parses YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY (the domain's parsePeriod) or mtd; null for anything else. */
export function parsePeriodKey(key: string | null | undefined, now: Date = new Date()): PeriodParts | null {
  if (!key) return null;
  const mtd = key.toLowerCase() === MTD_KEY;
  const period = domainPeriod(mtd ? currentMonthKey(now) : key);
  if (!period) return null;
  const year = Number(period.key.slice(0, 4));
  const index = period.kind === 'year' ? 0 : Number(period.key.slice(period.kind === 'month' ? 5 : 6));
  return { kind: mtd ? 'mtd' : period.kind, key: mtd ? MTD_KEY : period.key, year, index };
}

/** The parts of a key, or of the current month when the key is unreadable. */
export function periodPartsOrCurrentMonth(key: string | null | undefined, now: Date = new Date()): PeriodParts {
  const parts = parsePeriodKey(key, now);
  if (parts) return parts;
  const [year, month] = currentMonthKey(now).split('-').map(Number);
  return { kind: 'month', key: currentMonthKey(now), year, index: month };
}

export function isPeriodKey(key: string | null | undefined): key is string {
  return parsePeriodKey(key) !== null;
}

/** A key of the given kind for the given year and index (month, quarter or half number). */
export function periodKeyOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `${year}-${String(index).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half':
      return `${year}-H${index}`;
    case 'year':
      return String(year);
    case 'mtd':
      return MTD_KEY;
  }
}

/** The period of `kind` that contains the month a key starts in (switching kind keeps the date): the domain's periodContaining. */
export function convertPeriodKey(key: string, kind: PeriodKind, now: Date = new Date()): string {
  if (kind === 'mtd') return MTD_KEY;
  const start = domainPeriod(resolvedPeriodKey(key, now))?.start ?? parsePeriod(currentMonthKey(now)).start;
  return periodContaining(kind, start).key;
}

/** The months (YYYY-MM) a period covers; `mtd` is the current month. */
export function monthsOfPeriod(key: string, now: Date = new Date()): string[] {
  const period = domainPeriod(resolvedPeriodKey(key, now));
  return period ? monthKeysBetween(period.start, period.end) : [];
}

/** The period key as the server stores it: `mtd` becomes the current month, others stay. */
export function resolvedPeriodKey(key: string, now: Date = new Date()): string {
  return key.toLowerCase() === MTD_KEY ? currentMonthKey(now) : key;
}

/** The last month of the period that has begun (the trend line ends there). */
export function trendEndMonth(key: string, now: Date = new Date()): string {
  const current = currentMonthKey(now);
  const months = monthsOfPeriod(key, now);
  const last = months[months.length - 1] ?? current;
  return last > current ? current : last;
}

/** The month a monthly document (appendix, summary) is published for; null for longer periods. */
export function monthForMonthlyDocuments(key: string, now: Date = new Date()): string | null {
  const parts = parsePeriodKey(key, now);
  if (!parts || (parts.kind !== 'month' && parts.kind !== 'mtd')) return null;
  return resolvedPeriodKey(key, now);
}

/**
 * Whether a score change for `changedPeriod` (as the stream reports it: a month, quarter, half or
 * year key) moves what a page shows for `shownKey`.
 */
export function changeAffectsPeriod(changedPeriod: string, shownKey: string, now: Date = new Date()): boolean {
  const shown = resolvedPeriodKey(shownKey, now);
  if (changedPeriod === shown) return true;
  // A month's change moves every longer period around it, whether or not the stream reports those too.
  return isMonthKey(changedPeriod) && monthsOfPeriod(shown, now).includes(changedPeriod);
}

/** The period a page shows for its `ky` query parameter: the key asked for when valid, else the current month. */
export function periodOrCurrentMonth(requested: string | null | undefined): string {
  return isPeriodKey(requested) ? requested : currentMonthKey();
}
