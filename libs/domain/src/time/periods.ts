/** Business time is Asia/Ho_Chi_Minh (UTC+7, no daylight saving); a period boundary is local midnight. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

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
