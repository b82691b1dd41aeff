import type { z } from 'zod';
import { isoInstant, localDate, channel } from './primitives';
import { checkIsoInstant, checkLocalDate } from './wire-time';

/**
 * A compiled yes-only check of a wire schema: answers true when the value is valid AND the schema
 * would hand it back unchanged (no unknown field stripped, no default filled in, no channel code
 * mapped); false otherwise — meaning "ask the schema", never "invalid". Ingest runs it first and
 * calls zod only for what it does not accept, so every rejection's reasons are still zod's, word
 * for word, while a good event costs a few plain comparisons instead of zod's generic parse
 * (docs/performance.md, "Ingest"). It knows the constructs the event schemas use; anything else
 * compiles to "ask the schema". wire-acceptor.spec.ts checks it against zod on every wire example
 * and on mutations of them.
 */
export type Acceptor = (value: unknown) => boolean;

const NEVER: Acceptor = () => false;

/** Schemas whose refinement is opaque to a compiler, checked by the function zod's refinement calls. */
const KNOWN_REFINED = new Map<unknown, Acceptor>([
  [isoInstant, (v) => typeof v === 'string' && checkIsoInstant(v) === undefined],
  [localDate, (v) => typeof v === 'string' && checkLocalDate(v) === undefined],
  // Names only: a missing channel or a national code 1/2/3 is mapped by the schema, so it is asked.
  [channel, (v) => v === 'in-person' || v === 'online' || v === 'postal'],
]);

interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
}

interface SchemaDef {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: unknown;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: RegExp;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

function testPattern(pattern: RegExp): (text: string) => boolean {
  return (text) => {
    pattern.lastIndex = 0; // a global or sticky pattern keeps state between calls; zod resets it too
    return pattern.test(text);
  };
}

/** The checks on a string or a number (or an array's length), each compiled; undefined when one is unknown. */
function compileChecks(def: SchemaDef, kind: 'string' | 'number' | 'array'): ((v: never) => boolean)[] | undefined {
  const out: ((v: never) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if ((kind === 'string' || kind === 'array') && d.check === 'min_length') out.push((v: { length: number }) => v.length >= (d.minimum as number));
    else if ((kind === 'string' || kind === 'array') && d.check === 'max_length') out.push((v: { length: number }) => v.length <= (d.maximum as number));
    else if (kind === 'string' && d.check === 'string_format' && d.format === 'regex' && d.pattern) out.push(testPattern(d.pattern) as (v: never) => boolean);
    else if (kind === 'number' && d.check === 'number_format' && d.format === 'safeint') out.push((v: number) => Number.isSafeInteger(v));
    else if (kind === 'number' && d.check === 'greater_than') out.push(d.inclusive ? (v: number) => v >= (d.value as number) : (v: number) => v > (d.value as number));
    else if (kind === 'number' && d.check === 'less_than') out.push(d.inclusive ? (v: number) => v <= (d.value as number) : (v: number) => v < (d.value as number));
    else return undefined;
  }
  return out;
}

function all<T>(checks: readonly ((v: T) => boolean)[]): (v: T) => boolean {
  return (v) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i](v)) return false;
    return true;
  };
}

export function compileAcceptor(schema: z.ZodType): Acceptor {
  const known = KNOWN_REFINED.get(schema);
  if (known) return known;
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def, 'string');
      if (!checks) return NEVER;
      if (def.format !== undefined) {
        // A format schema (z.uuid()) carries its pattern on the schema itself.
        if (!def.pattern) return NEVER;
        checks.unshift(testPattern(def.pattern) as (v: never) => boolean);
      }
      const ok = all(checks as ((v: string) => boolean)[]);
      return (v) => typeof v === 'string' && ok(v);
    }
    case 'number': {
      const checks = compileChecks(def, 'number');
      if (!checks) return NEVER;
      const ok = all(checks as ((v: number) => boolean)[]);
      // z.number() refuses NaN and ±Infinity.
      return (v) => typeof v === 'number' && Number.isFinite(v) && ok(v);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => allowed.has(v);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (v) => allowed.has(v);
    }
    case 'optional': {
      const inner = compileAcceptor(def.innerType as z.ZodType);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = compileAcceptor(def.innerType as z.ZodType);
      return (v) => v === null || inner(v);
    }
    case 'default': {
      // A missing value would be filled in: ask the schema.
      const inner = compileAcceptor(def.innerType as z.ZodType);
      return (v) => v !== undefined && inner(v);
    }
    case 'array': {
      const checks = compileChecks(def, 'array');
      if (!checks) return NEVER;
      const length = all(checks as ((v: unknown[]) => boolean)[]);
      const element = compileAcceptor(def.element as z.ZodType);
      return (v) => {
        if (!Array.isArray(v) || !length(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return compileObject(def);
    default:
      return NEVER;
  }
}

function compileObject(def: SchemaDef): Acceptor {
  if (def.catchall !== undefined || (def.checks?.length ?? 0) > 0) return NEVER;
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const fields = keys.map((key) => compileAcceptor(shape[key]));
  const known = new Set(keys);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const record = v as Record<string, unknown>;
    // An unknown field would be stripped (the output would differ): ask the schema.
    let present = 0;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (!known.has(key)) return false;
      present++;
    }
    let seen = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = record[key];
      if (value !== undefined) seen++;
      if (!fields[i](value)) return false;
    }
    // A field present with the value undefined cannot come from JSON; if one does, ask the schema.
    return seen === present;
  };
}
