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

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const HALF_KEY = /^(\d{4})-H([12])$/;
const YEAR_KEY = /^(\d{4})$/;

/** Parses YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd; null for anything else. */
export function parsePeriodKey(key: string | null | undefined, now: Date = new Date()): PeriodParts | null {
  if (!key) return null;
  if (key.toLowerCase() === MTD_KEY) {
    const [year, month] = currentMonthKey(now).split('-').map(Number);
    return { kind: 'mtd', key: MTD_KEY, year, index: month };
  }
  if (isMonthKey(key)) {
    const [year, month] = key.split('-').map(Number);
    return { kind: 'month', key, year, index: month };
  }
  let match = QUARTER_KEY.exec(key);
  if (match) return { kind: 'quarter', key, year: Number(match[1]), index: Number(match[2]) };
  match = HALF_KEY.exec(key);
  if (match) return { kind: 'half', key, year: Number(match[1]), index: Number(match[2]) };
  match = YEAR_KEY.exec(key);
  if (match) return { kind: 'year', key, year: Number(match[1]), index: 0 };
  return null;
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

/** The period of `kind` that contains the month a key starts in (switching kind keeps the date). */
export function convertPeriodKey(key: string, kind: PeriodKind, now: Date = new Date()): string {
  const parts = parsePeriodKey(key, now);
  const month = parts ? firstMonthOf(parts) : Number(currentMonthKey(now).slice(5));
  const year = parts?.year ?? Number(currentMonthKey(now).slice(0, 4));
  switch (kind) {
    case 'month':
      return periodKeyOf('month', year, month);
    case 'quarter':
      return periodKeyOf('quarter', year, Math.ceil(month / 3));
    case 'half':
      return periodKeyOf('half', year, month <= 6 ? 1 : 2);
    default:
      return periodKeyOf(kind, year, 0);
  }
}

function firstMonthOf(parts: PeriodParts): number {
  switch (parts.kind) {
    case 'month':
    case 'mtd':
      return parts.index;
    case 'quarter':
      return (parts.index - 1) * 3 + 1;
    case 'half':
      return (parts.index - 1) * 6 + 1;
    case 'year':
      return 1;
  }
}

function lastMonthOf(parts: PeriodParts): number {
  switch (parts.kind) {
    case 'month':
    case 'mtd':
      return parts.index;
    case 'quarter':
      return parts.index * 3;
    case 'half':
      return parts.index * 6;
    case 'year':
      return 12;
  }
}

/** The months (YYYY-MM) a period covers; `mtd` is the current month. */
export function monthsOfPeriod(key: string, now: Date = new Date()): string[] {
  const parts = parsePeriodKey(key, now);
  if (!parts) return [];
  const months: string[] = [];
  for (let m = firstMonthOf(parts); m <= lastMonthOf(parts); m++) months.push(periodKeyOf('month', parts.year, m));
  return months;
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
