/**
 * Strict reading of the dates and instants a sender writes. Parsed component by component, never
 * with Date.parse or new Date(string): those shift an impossible date (2025-02-30 → 2 March), read
 * years 0–99 as 1900–1999 and accept offsets no place on earth has. Each check returns what is
 * wrong in words a sender can act on, or undefined when the text is a real date / instant.
 */

/**
 * Years the platform accepts in any date or instant. Decision 766 (2022) scores periods from 2022 on;
 * 1990 leaves room for older legal-basis and unit dates while keeping out 0000-01-01 and two-digit
 * years that JavaScript reads as 19xx. 2100 keeps years four digits and deadlines plausible.
 */
export const WIRE_YEAR_MIN = 1990;
export const WIRE_YEAR_MAX = 2100;

/** Real UTC offsets run from -12:00 to +14:00; anything beyond ±14:00 is a typing error, not a zone. */
const MAX_OFFSET_MINUTES = 14 * 60;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const INSTANT_FORMAT_HINT = 'must be an ISO-8601 date-time with an offset, e.g. 2025-03-04T08:30:00+07:00';
export const LOCAL_DATE_FORMAT_HINT = 'must be a date written YYYY-MM-DD, e.g. 2025-03-04';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month and day of a written date; what is wrong with them, if anything. */
function checkCalendarDay(text: string, year: number, month: number, day: number): string | undefined {
  if (year < WIRE_YEAR_MIN || year > WIRE_YEAR_MAX) {
    return `has year ${String(year).padStart(4, '0')} (${text}), outside ${WIRE_YEAR_MIN}–${WIRE_YEAR_MAX}; send the real year with four digits`;
  }
  if (month < 1 || month > 12) return `is not a real calendar date (${text}: there is no month ${month}; months run 01–12)`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `is not a real calendar date (${text}: ${MONTHS[month - 1]} ${year} has ${last} days); send the day it really was`;
  }
  return undefined;
}

/** What is wrong with a local date (YYYY-MM-DD), or undefined when it is a real date in range. */
export function checkLocalDate(text: string): string | undefined {
  const m = LOCAL_DATE.exec(text);
  if (!m) return LOCAL_DATE_FORMAT_HINT;
  return checkCalendarDay(text, Number(m[1]), Number(m[2]), Number(m[3]));
}

export type InstantReading = { readonly ok: true; readonly epochMs: number } | { readonly ok: false; readonly problem: string };

/**
 * Reads an ISO-8601 instant with an explicit offset (Z or ±hh:mm). Hours 00–23, minutes and
 * seconds 00–59 (24:00 and leap second 60 are refused: one-stop systems never need them and
 * JavaScript would roll them into the next day or minute), offset within ±14:00.
 */
export function readIsoInstant(text: string): InstantReading {
  const m = INSTANT.exec(text);
  if (!m) return { ok: false, problem: INSTANT_FORMAT_HINT };
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const dayProblem = checkCalendarDay(text, year, month, day);
  if (dayProblem) return { ok: false, problem: dayProblem };
  if (hour > 23) return { ok: false, problem: `is not a real time (${text}: hours run 00–23; midnight is 00:00 of the next day)` };
  if (minute > 59) return { ok: false, problem: `is not a real time (${text}: minutes run 00–59)` };
  if (second > 59) return { ok: false, problem: `is not a real time (${text}: seconds run 00–59)` };
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (om > 59 || oh * 60 + om > MAX_OFFSET_MINUTES) {
      return { ok: false, problem: `has offset ${m[8]} (${text}), which no time zone uses; send Z or an offset from -12:00 to +14:00 (Vietnam is +07:00)` };
    }
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
  return { ok: true, epochMs };
}

/** What is wrong with an ISO instant, or undefined when it is real and in range. */
export function checkIsoInstant(text: string): string | undefined {
  const r = readIsoInstant(text);
  return r.ok ? undefined : r.problem;
}
