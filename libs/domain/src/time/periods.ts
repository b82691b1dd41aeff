import { VIETNAM_OFFSET_MS } from './zone';

export { VIETNAM_OFFSET_MS } from './zone';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  /** Canonical key: 2025-03, 2025-Q1, 2025-H1, 2025. */
  readonly key: string;
  /** Inclusive start, epoch ms (local midnight). */
  readonly start: number;
  /** Exclusive end, epoch ms (local midnight). */
  readonly end: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const HALF_KEY = /^(\d{4})-H([12])$/;
const YEAR_KEY = /^(\d{4})$/;

function localMidnight(year: number, monthIndex: number): number {
  return Date.UTC(year, monthIndex, 1) - VIETNAM_OFFSET_MS;
}

function span(kind: PeriodKind, key: string, year: number, firstMonth: number, months: number): Period {
  return { kind, key, start: localMidnight(year, firstMonth), end: localMidnight(year, firstMonth + months) };
}

/** Parses a period key (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY); throws with a readable reason. */
export function parsePeriod(key: string): Period {
  let m = MONTH_KEY.exec(key);
  if (m) return span('month', key, Number(m[1]), Number(m[2]) - 1, 1);
  m = QUARTER_KEY.exec(key);
  if (m) return span('quarter', key, Number(m[1]), (Number(m[2]) - 1) * 3, 3);
  m = HALF_KEY.exec(key);
  if (m) return span('half', key, Number(m[1]), (Number(m[2]) - 1) * 6, 6);
  m = YEAR_KEY.exec(key);
  if (m) return span('year', key, Number(m[1]), 0, 12);
  throw new RangeError(`period "${key}" is not one of YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY`);
}

/** The local calendar month (YYYY-MM) an instant falls in. */
export function monthKeyOf(instant: number): string {
  const local = new Date(instant + VIETNAM_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month keys whose periods overlap [from, to); `to` undefined means "still open" up to `until`. */
export function monthKeysBetween(from: number, to: number): string[] {
  const keys: string[] = [];
  let period = parsePeriod(monthKeyOf(from));
  while (period.start < to) {
    keys.push(period.key);
    period = parsePeriod(monthKeyOf(period.end));
  }
  return keys;
}

/** All periods (month, quarter, half, year) that contain a month. */
export function periodsContainingMonth(monthKey: string): Period[] {
  const month = parsePeriod(monthKey);
  const [year, mm] = monthKey.split('-').map(Number);
  return [
    month,
    parsePeriod(`${year}-Q${Math.ceil(mm / 3)}`),
    parsePeriod(`${year}-H${mm <= 6 ? 1 : 2}`),
    parsePeriod(`${year}`),
  ];
}

/** Number of calendar months a period spans (1, 3, 6 or 12). */
export function monthsIn(period: Period): number {
  return { month: 1, quarter: 3, half: 6, year: 12 }[period.kind];
}

/** The instant a period is judged at: its end, or `asOf` while it is still open. */
export function evaluationInstant(period: Period, asOf: number): number {
  return Math.min(period.end, asOf);
}

/** True while `asOf` falls before the period's end: its figures can still move with the clock. */
export function isOpenAt(period: Period, asOf: number): boolean {
  return asOf < period.end;
}

/** The period of a kind that contains an instant. */
export function periodContaining(kind: PeriodKind, instant: number): Period {
  const month = monthKeyOf(instant);
  const [year, mm] = month.split('-').map(Number);
  switch (kind) {
    case 'month':
      return parsePeriod(month);
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.ceil(mm / 3)}`);
    case 'half':
      return parsePeriod(`${year}-H${mm <= 6 ? 1 : 2}`);
    case 'year':
      return parsePeriod(String(year));
  }
}

/** A period judged at an instant. Month-to-date is the open month judged now. */
export interface PeriodEvaluation {
  readonly period: Period;
  readonly asOf: number;
  /** True when `asOf` is before the period's end (a live, month-to-date style figure). */
  readonly open: boolean;
}

/**
 * Month-to-date (DOMAIN.md §5): the month containing `now`, evaluated at `now`. It is the same
 * period as the month — what makes it "to date" is the evaluation instant, so the stored month
 * figure is the live one and becomes final once the month has ended.
 */
export function monthToDate(now: number): PeriodEvaluation {
  const period = parsePeriod(monthKeyOf(now));
  return { period, asOf: now, open: isOpenAt(period, now) };
}

const TO_DATE_ALIASES: Readonly<Record<string, PeriodKind>> = {
  mtd: 'month', 'month-to-date': 'month', qtd: 'quarter', htd: 'half', ytd: 'year',
};

/**
 * Resolves a period key or a to-date alias (mtd, month-to-date, qtd, htd, ytd) at `now`.
 * Plain keys are evaluated at `now` too, so a past period comes out closed and a current one open.
 */
export function resolvePeriod(keyOrAlias: string, now: number): PeriodEvaluation {
  const kind = TO_DATE_ALIASES[keyOrAlias.toLowerCase()];
  const period = kind ? periodContaining(kind, now) : parsePeriod(keyOrAlias);
  return { period, asOf: now, open: isOpenAt(period, now) };
}

/** The twelve month keys of the calendar year before the period's start (criterion 4 fallback). */
export function previousYearMonthKeys(period: Period): string[] {
  const year = Number(monthKeyOf(period.start).slice(0, 4)) - 1;
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
