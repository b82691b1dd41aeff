import { readPortalTime } from './portal-time';

/**
 * Reads the loosely typed fields one-stop systems send (numbers as strings, "" for "unknown") and
 * collects one reason per wrong field, named by its path (`data[2].NgayHenTra: …`), as the event
 * endpoint does. Empty strings and null read as absent: OpenCPS and others send "" for blank dates.
 */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly obj: Readonly<Record<string, unknown>>, private readonly path: string) {}

  private at(field: string): string {
    return `${this.path}${this.path ? '.' : ''}${field}`;
  }

  problem(field: string, reason: string): void {
    this.problems.push(`${this.at(field)}: ${reason}`);
  }

  /** The raw value; undefined for absent, null and blank text. */
  raw(field: string): unknown {
    const v = Object.hasOwn(this.obj, field) ? this.obj[field] : undefined;
    if (v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    return v;
  }

  text(field: string, max: number, required = false): string | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.problem(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return void this.problem(field, `must be text, not ${kindOf(v)}`);
    const s = String(v).trim();
    if (s.length > max) return void this.problem(field, `holds ${s.length} characters, more than ${max}`);
    return s;
  }

  /** A code in our wire alphabet (letters, digits and . _ : / -), 1–100 characters. */
  code(field: string, required = false): string | undefined {
    const s = this.text(field, 100, required);
    if (s === undefined) return undefined;
    if (!/^[A-Za-z0-9._:/-]+$/.test(s)) return void this.problem(field, `${JSON.stringify(s)} is not a code: letters, digits and . _ : / - only`);
    return s;
  }

  /** A whole number (JSON number or digits in a string) within [min, max]. */
  int(field: string, min: number, max: number, required = false): number | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.problem(field, 'is required');
      return undefined;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) return void this.problem(field, `must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return n;
  }

  /** An amount in VND ≥ 0 (number or numeric text, decimals allowed). */
  amount(field: string): number | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < 0 || n > 1e15) return void this.problem(field, `must be an amount in VND ≥ 0, not ${JSON.stringify(v)}`);
    return n;
  }

  /** A flag sent as 1/0, "1"/"0", true/false or "True"/"False" (.NET). */
  flag(field: string): boolean | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (v === true || v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'true')) return true;
    if (v === false || v === 0 || v === '0' || (typeof v === 'string' && v.toLowerCase() === 'false')) return false;
    return void this.problem(field, `must be 1 or 0 (or true/false), not ${JSON.stringify(v)}`);
  }

  /** A portal timestamp (yyyyMMddHHmmss, Vietnam time) as an ISO instant with +07:00. */
  time(field: string, required = false): string | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.problem(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return void this.problem(field, `must be text yyyyMMddHHmmss, not ${kindOf(v)}`);
    const reading = readPortalTime(String(v).trim());
    if (!reading.ok) return void this.problem(field, reading.reason);
    return reading.iso;
  }

  /** The objects of a list field (absent = empty); a non-object item is a problem of its own. */
  list(field: string, max: number): { readonly reader: FieldReader; readonly index: number }[] {
    const v = this.raw(field);
    if (v === undefined) return [];
    if (!Array.isArray(v)) return void this.problem(field, `must be a list, not ${kindOf(v)}`), [];
    if (v.length > max) return void this.problem(field, `holds ${v.length} items, more than ${max}`), [];
    const out: { reader: FieldReader; index: number }[] = [];
    v.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) this.problem(`${field}[${index}]`, `must be an object, not ${kindOf(item)}`);
      else out.push({ reader: new FieldReader(item as Record<string, unknown>, this.at(`${field}[${index}]`)), index });
    });
    return out;
  }

  /** Folds a nested reader's problems into this one. */
  absorb(other: FieldReader): void {
    this.problems.push(...other.problems);
  }
}

export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
