import { addCalendarDays, type LocalDate, weekdayOf } from './local-date';

/**
 * Which days government offices work (DOMAIN.md §7): Monday–Friday minus public holidays, plus
 * the Saturdays worked in exchange for a bridged weekday. Data, not code: it lives in the rule set.
 */
export interface WorkingCalendar {
  /** Weekdays off: statutory holidays, compensatory days and bridged days. */
  readonly holidays: readonly LocalDate[];
  /** Weekend days worked to make up a bridged weekday (ngày làm bù). */
  readonly workingWeekendDays: readonly LocalDate[];
  /** First and last year the lists are known for; outside them only weekends are days off. */
  readonly coversYears?: readonly [number, number];
}

interface Lookup {
  readonly off: ReadonlySet<string>;
  readonly on: ReadonlySet<string>;
}

// Calendars are immutable data; index each one once.
const lookups = new WeakMap<WorkingCalendar, Lookup>();

function lookupOf(calendar: WorkingCalendar): Lookup {
  let l = lookups.get(calendar);
  if (!l) {
    l = { off: new Set(calendar.holidays), on: new Set(calendar.workingWeekendDays) };
    lookups.set(calendar, l);
  }
  return l;
}

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  const { off, on } = lookupOf(calendar);
  if (on.has(date)) return true;
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  return !off.has(date);
}

/**
 * The date `n` working days after `date` (before it when `n` < 0); `date` itself is not counted.
 * `n` = 0 answers `date` itself, or the next working day when `date` is a day off.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(n));
  let current = date;
  if (remaining === 0) {
    while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, 1);
    return current;
  }
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/** Working days in [from, to): the number of working-day steps from one date to the next. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let d = from; d < to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
  return count;
}
