import { BadRequestException } from '@nestjs/common';
import { code } from '@idx/contracts';
import { CRITERION_IDS } from '@idx/domain';

/**
 * Query and path parameters, checked before any work: each malformed one is answered 400 with a
 * reason naming the parameter and what to send instead. A parameter arrives as whatever the client
 * sent — a string, or an array when it is repeated — so every reader starts from `unknown`.
 */

/** Years a reporting date or period may fall in; outside it nothing is scored (and years 0–99 would be read as 1900–1999). */
export const REPORTING_YEARS = { first: 2000, last: 2100 } as const;

const bad = (reason: string): BadRequestException => new BadRequestException({ reason });

// Control characters (NUL included) and lone surrogates cannot be part of any code, key or date.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;

/** A single printable text parameter of at most `maxLength` characters, or undefined when absent or empty. */
export function textParam(name: string, value: unknown, maxLength: number): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) throw bad(`${name}: given ${value.length} times; give it once`);
  if (typeof value !== 'string') throw bad(`${name}: must be a single text value`);
  if (value.length > maxLength) throw bad(`${name}: is ${value.length} characters long, at most ${maxLength} are accepted`);
  if (UNPRINTABLE.test(value)) throw bad(`${name}: contains a control character or an invalid character; remove it`);
  return value;
}

export function checkYear(name: string, year: number, value: string): void {
  if (year < REPORTING_YEARS.first || year > REPORTING_YEARS.last) {
    throw bad(`${name}: "${value}" is in the year ${year}; only ${REPORTING_YEARS.first}–${REPORTING_YEARS.last} are reported`);
  }
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const EXAMPLE = 'e.g. 2025-02-05T08:00:00+07:00 or 2025-02-05T01:00:00Z';

/** An ISO-8601 instant with an explicit offset, a real calendar date and time, in the reported years. */
export function instantParam(name: string, value: unknown): Date | undefined {
  const text = textParam(name, value, 40);
  if (text === undefined) return undefined;
  const m = INSTANT.exec(text);
  if (!m) throw bad(`${name}: "${text}" is not an ISO-8601 date-time with an offset (Z or ±hh:mm), ${EXAMPLE}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  checkYear(name, year, text);
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > daysInMonth) throw bad(`${name}: "${text}" is not a real calendar date (${year}-${m[2]} has ${daysInMonth || 'no'} days)`);
  if (hour > 23 || minute > 59 || second > 59) throw bad(`${name}: "${text}" is not a real time of day (00:00:00–23:59:59)`);
  if (m[7] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59 || (Number(m[8]) === 14 && Number(m[9]) > 0))) {
    throw bad(`${name}: "${text}" has the offset ${m[7]}${m[8]}:${m[9]}; offsets run from -14:00 to +14:00 (Vietnam is +07:00)`);
  }
  return new Date(Date.parse(text));
}

export function requiredInstant(name: string, value: unknown): Date {
  const t = instantParam(name, value);
  if (!t) throw bad(`${name}: is required (an ISO-8601 date-time with an offset, ${EXAMPLE})`);
  return t;
}

/** A whole number in [min, max] written in plain digits (no signs, decimals, exponents or hex). */
export function wholeNumberParam(name: string, value: unknown, min: number, max: number, fallback?: number): number {
  const text = textParam(name, value, 12);
  if (text === undefined && fallback !== undefined) return fallback;
  const n = text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw bad(`${name}: must be a whole number from ${min} to ${max}, got "${text ?? ''}"`);
  return n;
}

/** A criterion the platform computes (CRITERION_IDS, 1–21 under qd766-2022). */
export function criterionParam(value: unknown): number {
  return wholeNumberParam('criterion', value, Math.min(...CRITERION_IDS), Math.max(...CRITERION_IDS));
}

/** A month key YYYY-MM in the reported years, or undefined when absent. */
export function monthKeyParam(name: string, value: unknown): string | undefined {
  const text = textParam(name, value, 16);
  if (text === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) throw bad(`${name}: "${text}" is not a month (YYYY-MM, e.g. 2025-03)`);
  checkYear(name, Number(text.slice(0, 4)), text);
  return text;
}

/** A required unit code, checked like unit codes on the wire (letters, digits and . _ : / -, at most 100). */
export function unitCodeParam(name: string, value: unknown): string {
  const text = textParam(name, value, 100);
  if (text === undefined) throw bad(`${name}: is required (a unit code, e.g. HY)`);
  const checked = code.safeParse(text);
  if (!checked.success) throw bad(`${name}: "${text}" ${checked.error.issues.map((i) => i.message).join('; ')}`);
  return checked.data;
}

/** A stream id as the store names them (dossier-<unit>-<code>, unit-<unit> …): two codes joined, at most 256 characters. */
export function streamIdParam(value: unknown): string {
  const text = textParam('streamId', value, 256);
  if (text === undefined) throw bad('streamId: is required, e.g. dossier-HY-STP-000123');
  if (!/^[\p{L}\p{N}._:/-]+$/u.test(text)) throw bad(`streamId: "${text}" may hold letters, digits and . _ : / - only`);
  return text;
}

/** One of a fixed set of words, or undefined when absent. */
export function oneOfParam<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  const text = textParam(name, value, 32);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw bad(`${name}: "${text}" is not one of ${allowed.join(', ')}`);
  return text as T;
}
