import { addCalendarDays, isLocalDate, type LocalDate, localDateOf, startOfLocalDate, weekdayOf } from './local-date';
import { VIETNAM_OFFSET_MS } from './zone';

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
  /** The same days as day numbers (dayNumberOf), for stepping over days without writing each date. */
  readonly offDays: ReadonlySet<number>;
  readonly onDays: ReadonlySet<number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from 1970-01-01 to a local date (as its calendar date, whatever the zone): a valid date's only number. */
const dayNumberOf = (date: LocalDate): number => (startOfLocalDate(date) + VIETNAM_OFFSET_MS) / DAY_MS;
// A listed day that is not a date matches no date, as a string never equal to one did.
const dayNumbers = (dates: readonly LocalDate[]): Set<number> => new Set(dates.filter(isLocalDate).map(dayNumberOf));

// Calendars are immutable data; index each one once.
const lookups = new WeakMap<WorkingCalendar, Lookup>();

function lookupOf(calendar: WorkingCalendar): Lookup {
  let l = lookups.get(calendar);
  if (!l) {
    l = {
      off: new Set(calendar.holidays), on: new Set(calendar.workingWeekendDays),
      offDays: dayNumbers(calendar.holidays), onDays: dayNumbers(calendar.workingWeekendDays),
    };
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

/** isWorkingDay of the date with that day number (1970-01-01, day 0, was a Thursday). */
function isWorkingDayNumber(day: number, { offDays, onDays }: Lookup): boolean {
  if (onDays.has(day)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return !offDays.has(day);
}

/**
 * The date `n` working days after `date` (before it when `n` < 0); `date` itself is not counted.
 * `n` = 0 answers `date` itself, or the next working day when `date` is a day off. Days are
 * stepped as numbers and only the answer written as a date: a petition's deadline (10 working
 * days) took ~60 µs stepping over written dates, which a rebuild paid per petition and period.
 */
export function addWorkingDays(date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(n));
  let current = date;
  if (remaining === 0) {
    while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, 1);
    return current;
  }
  if (!(remaining > 0)) return current; // NaN: no step to take
  const lookup = lookupOf(calendar);
  let day = dayNumberOf(date); // throws for a text that is not a date, as stepping from it did
  while (remaining > 0) {
    day += step;
    if (isWorkingDayNumber(day, lookup)) remaining -= 1;
  }
  return localDateOf(day * DAY_MS - VIETNAM_OFFSET_MS);
}

/** Working days in [from, to): the number of working-day steps from one date to the next. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let d = from; d < to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
  return count;
}
