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
  const p = fixedInstantParts(text) ?? matchedInstantParts(text);
  if (!p) return { ok: false, problem: INSTANT_FORMAT_HINT };
  const { year, month, day, hour, minute, second } = p;
  const dayProblem = checkCalendarDay(text, year, month, day);
  if (dayProblem) return { ok: false, problem: dayProblem };
  if (hour > 23) return { ok: false, problem: `is not a real time (${text}: hours run 00–23; midnight is 00:00 of the next day)` };
  if (minute > 59) return { ok: false, problem: `is not a real time (${text}: minutes run 00–59)` };
  if (second > 59) return { ok: false, problem: `is not a real time (${text}: seconds run 00–59)` };
  let offsetMinutes = 0;
  if (p.zone !== 'Z') {
    if (p.offsetMinute > 59 || p.offsetHour * 60 + p.offsetMinute > MAX_OFFSET_MINUTES) {
      return { ok: false, problem: `has offset ${p.zone} (${text}), which no time zone uses; send Z or an offset from -12:00 to +14:00 (Vietnam is +07:00)` };
    }
    offsetMinutes = (p.zone.charCodeAt(0) === MINUS ? -1 : 1) * (p.offsetHour * 60 + p.offsetMinute);
  }
  const fraction = p.fraction === undefined ? 0 : Math.floor(Number(`0.${p.fraction}`) * 1000);
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
  return { ok: true, epochMs };
}

/** The written components of an instant, before any range check. */
interface InstantParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: string | undefined;
  /** "Z" or the written offset ("+07:00"). */
  readonly zone: string;
  readonly offsetHour: number;
  readonly offsetMinute: number;
}

const MINUS = 0x2d;
const PLUS = 0x2b;

function matchedInstantParts(text: string): InstantParts | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]), fraction: m[7], zone: m[8],
    offsetHour: m[8] === 'Z' ? 0 : Number(m[10]), offsetMinute: m[8] === 'Z' ? 0 : Number(m[11]),
  };
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shape one-stop systems send (YYYY-MM-DDTHH:MM:SS, optional fraction, Z or ±HH:MM) read by
 * character codes: the same components the INSTANT pattern gives for it, without a match
 * object per field. Anything else (no seconds, an odd length) answers undefined and is matched by
 * the pattern, so both readings agree by construction on what either reads.
 */
function fixedInstantParts(text: string): InstantParts | undefined {
  if (text.length < 20 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS || text.charCodeAt(10) !== 0x54
      || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let at = 19;
  let fraction: string | undefined;
  if (text.charCodeAt(at) === 0x2e) {
    let end = at + 1;
    while (end < text.length && end - at <= 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (end === at + 1) return undefined;
    fraction = text.slice(at + 1, end);
    at = end;
  }
  const sign = text.charCodeAt(at);
  if (sign === 0x5a && at + 1 === text.length) {
    return { year: century * 100 + yy, month, day, hour, minute, second, fraction, zone: 'Z', offsetHour: 0, offsetMinute: 0 };
  }
  if ((sign !== PLUS && sign !== MINUS) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 0x3a) return undefined;
  const offsetHour = twoDigits(text, at + 1);
  const offsetMinute = twoDigits(text, at + 4);
  if (offsetHour < 0 || offsetMinute < 0) return undefined;
  return { year: century * 100 + yy, month, day, hour, minute, second, fraction, zone: text.slice(at), offsetHour, offsetMinute };
}

/** What is wrong with an ISO instant, or undefined when it is real and in range. */
export function checkIsoInstant(text: string): string | undefined {
  const r = readIsoInstant(text);
  return r.ok ? undefined : r.problem;
}
