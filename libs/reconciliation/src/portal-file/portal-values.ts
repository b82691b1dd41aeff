/**
 * Reading the values of a portal file tolerantly: numbers may come as text ("12", "73,61" with a
 * Vietnamese decimal comma, "73.61"), absent values as null or "". Anything else is a problem with
 * the field's path and what was found, so the person who exported the file can act on it.
 */

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const NUMBER_TEXT = /^[+-]?(\d{1,15}([.,]\d{1,12})?|[.,]\d{1,12})$/;

/** What was found, shown in a reason: short, one line. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface NumberRule {
  readonly whole?: boolean;
  readonly min: number;
  readonly max: number;
  /** What the number is, for the reason: "a count of dossiers", "points". */
  readonly what: string;
}

/** A number within the rule, null when absent, or the reason it cannot be one. */
export function readNumber(value: unknown, path: string, rule: NumberRule): Read<number | null> {
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) n = Number(value.trim().replace(',', '.'));
  else return { ok: false, problem: `${path}: must be ${rule.what} (a number), found ${shown(value)}` };
  if (!Number.isFinite(n)) return { ok: false, problem: `${path}: must be ${rule.what} (a finite number), found ${shown(value)}` };
  if (rule.whole && !Number.isInteger(n)) return { ok: false, problem: `${path}: must be ${rule.what} (a whole number), found ${shown(value)}` };
  if (n < rule.min || n > rule.max) return { ok: false, problem: `${path}: must be ${rule.what} from ${rule.min} to ${rule.max}, found ${shown(value)}` };
  return { ok: true, value: n };
}

const CODE = /^[\p{L}\p{N}._:/-]{1,80}$/u;

/** A unit code as the portal names units (mã định danh, or its numeric id): text or a whole number. */
export function readCode(value: unknown, path: string): Read<string> {
  const text = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || text === '') return { ok: false, problem: `${path}: must name the unit (its mã định danh, e.g. 000.00.00.H31), found ${shown(value)}` };
  if (!CODE.test(text)) return { ok: false, problem: `${path}: must be 1–80 letters, digits or . _ : / -, found ${shown(value)}` };
  return { ok: true, value: text };
}

/** An optional name: text of at most 300 characters, else absent. */
export function readName(value: unknown, path: string): Read<string | null> {
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  if (typeof value !== 'string') return { ok: false, problem: `${path}: must be the unit's name (text), found ${shown(value)}` };
  if (value.length > 300) return { ok: false, problem: `${path}: must be at most 300 characters, found ${value.length}` };
  return { ok: true, value: value.trim() };
}

/** The first of `names` the object holds (aliases of one field), with its name. */
export function pick(o: Record<string, unknown>, names: readonly string[]): { readonly name: string; readonly value: unknown } | undefined {
  for (const name of names) if (Object.hasOwn(o, name) && o[name] !== undefined) return { name, value: o[name] };
  return undefined;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
