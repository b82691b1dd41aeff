import { VIETNAM_OFFSET_MS } from './zone';

/**
 * A calendar date in Asia/Ho_Chi_Minh, written YYYY-MM-DD. Decision dates, legal-basis effective
 * dates, unit changes and holidays are dates, not instants: comparing them as strings is exact.
 */
export type LocalDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The local date an instant falls on. */
export function localDateOf(instant: number): LocalDate {
  return new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local date starts (local midnight). */
export function startOfLocalDate(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS;
}

/** The instant a local date ends (the next local midnight, exclusive). */
export function endOfLocalDate(date: LocalDate): number {
  return startOfLocalDate(date) + DAY_MS;
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(startOfLocalDate(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, for the local date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
