import { wireExamples } from '@idx/contracts';
import { currentSchemaVersion } from '@idx/domain';

/**
 * A table-driven corpus of hostile ingest items, each with the outcome the ingest contract owes it.
 * Every item is the bytes of ONE item (a JSON array element, an NDJSON line, a Kafka message value),
 * built from each event type's valid wire example with one thing made hostile, so each item tests
 * exactly what its label says. Items never hold a newline byte, so any of them can be an NDJSON line.
 */
export interface HostileInput {
  /** What is hostile, e.g. `occurredAt = "2025-02-30T08:00:00+07:00" (dossier.received)`. */
  readonly label: string;
  /** The kind of hostility: bad dates, offsets, text, bytes, nesting, sizes, types, names, numbers. */
  readonly family: HostileFamily;
  readonly raw: Buffer;
  readonly expected: 'rejected';
  /**
   * True when the item can sit in a JSON array beside good events without costing them (its
   * strings and brackets close). False for items that break JSON's framing (an unterminated string,
   * an unclosed object): post those alone or as an NDJSON line.
   */
  readonly keepsNeighbours: boolean;
}

export type HostileFamily =
  | 'impossible-instant' | 'future-instant' | 'impossible-local-date' | 'text' | 'invalid-utf8' | 'deep-nesting'
  | 'oversize' | 'wrong-type' | 'reserved-name' | 'number' | 'missing-field' | 'invalid-json' | 'broken-framing';

/** Instants no sender may write: impossible calendar days and times, offsets, years, formats. */
export const HOSTILE_INSTANTS: readonly string[] = [
  '2025-02-30T08:00:00+07:00', '2025-02-29T08:00:00+07:00', '2023-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2025-04-31T08:00:00+07:00',
  '2025-06-31T08:00:00+07:00', '2025-09-31T08:00:00+07:00', '2025-11-31T08:00:00+07:00', '2025-13-01T08:00:00+07:00', '2025-00-10T08:00:00+07:00',
  '2025-03-00T08:00:00+07:00', '2025-03-32T08:00:00+07:00', '2025-03-04T24:00:00+07:00', '2025-03-04T25:00:00+07:00', '2025-03-04T08:60:00+07:00',
  '2025-03-04T08:30:60+07:00', '2025-03-04T08:30:99+07:00', '2025-03-04T08:30:00-23:59', '2025-03-04T08:30:00+23:59', '2025-03-04T08:30:00+14:01',
  '2025-03-04T08:30:00-14:30', '2025-03-04T08:30:00+07:60', '2025-03-04T08:30:00+99:00', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+07:00',
  '0099-12-31T00:00:00+07:00', '1899-12-31T00:00:00+07:00', '1900-01-01T00:00:00+07:00', '1970-01-01T00:00:00Z', '1989-12-31T23:59:59+07:00',
  '2101-01-01T00:00:00+07:00', '9999-12-31T23:59:59+07:00', '2025-03-04T08:30:00', '2025-03-04 08:30:00+07:00', '2025-03-04t08:30:00z',
  '2025-03-04T08:30:00+0700', '2025-03-04T08:30:00+7:00', '+002025-03-04T08:30:00Z', '2025-03-04T08:30:00.1234567890Z', '2025-03-04T08:30:00.Z',
  '2025-3-4T08:30:00+07:00', '25-03-04T08:30:00+07:00', '２０２５-03-04T08:30:00+07:00', ' 2025-03-04T08:30:00+07:00', '2025-03-04T08:30:00+07:00 ',
  '2025-03-04', '08:30:00+07:00', 'now', '', 'Tue, 04 Mar 2025 08:30:00 GMT', '1741052400000', '2025-W10-2T08:30:00+07:00',
];

/** Business times later than any server clock allows (years within range, so only the skew window refuses them). */
export const FUTURE_INSTANTS: readonly string[] = ['2099-01-01T00:00:00+07:00', '2100-12-31T23:59:59Z', '2098-06-15T12:00:00-05:00'];

/** Local dates (YYYY-MM-DD) no sender may write. */
export const HOSTILE_LOCAL_DATES: readonly string[] = [
  '0000-01-01', '0001-01-01', '0099-12-31', '1900-01-01', '1900-02-29', '1989-12-31', '2101-01-01', '9999-12-31', '2025-02-30', '2025-02-29',
  '2023-02-29', '2025-04-31', '2025-13-01', '2025-00-01', '2025-01-00', '2025-01-32', '2025-3-4', '25-03-04', '2025/03/04', '04/03/2025',
  '2025-03-04T00:00:00+07:00', ' 2025-03-04', '２０２５-03-04', '', 'today',
];

/** Texts no field may hold, by what is wrong with them (NUL, lone surrogates). */
const HOSTILE_TEXTS: readonly [string, string][] = [
  ['NUL inside', 'a\u0000b'], ['NUL alone', '\u0000'], ['NUL at the end', 'HY-VANLAM\u0000'], ['lone high surrogate', 'x\ud800y'],
  ['lone low surrogate', '\udc00'], ['surrogates reversed', '\udc00\ud800'], ['high surrogate at the end', 'Phường\udbff'],
];

/** UTF-8 breakers, spliced as raw bytes into a string value. */
const INVALID_UTF8: readonly [string, number[]][] = [
  ['stray continuation byte', [0x80]], ['overlong slash', [0xc0, 0xaf]], ['overlong NUL', [0xc0, 0x80]], ['encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
  ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]], ['byte FF', [0xff]], ['byte FE', [0xfe]], ['cut-off sequence', [0xe1, 0x80]],
  ['Latin-1 "ườ"', [0xb0, 0xec]], ['5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]],
];

const ENVELOPE_TEXT_FIELDS = ['eventId', 'type', 'occurredAt', 'sourceSystem', 'unitCode', 'dossierCode', 'procedureCode', 'petitionCode'];
const ENVELOPE_LIMITS: Readonly<Record<string, number>> = { sourceSystem: 200, unitCode: 100, dossierCode: 100, procedureCode: 100, petitionCode: 100 };
const REQUIRED_ENVELOPE = ['eventId', 'type', 'schemaVersion', 'occurredAt', 'sourceSystem', 'unitCode'];
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MARK = '\uE000HOSTILE\uE000';

/** A deterministic event id per item, so no two hostile items are one duplicate. */
function idOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** The event written as JSON with `bytes` where the marker stood (`"MARK"` including its quotes when `bare`). */
function splice(event: Record<string, unknown>, bytes: Buffer, bare = false): Buffer {
  const text = JSON.stringify(event);
  const mark = bare ? JSON.stringify(MARK) : MARK;
  const at = text.indexOf(mark);
  return Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at + mark.length))]);
}

/** A valid event for a type with one field changed (dotted path; `undefined` removes it). */
function withField(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof target[k] !== 'object' || target[k] === null) target[k] = {};
    target = target[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

/** `levels` nested objects (or arrays) as JSON text, built without recursion. */
export function nestedJson(levels: number, kind: 'object' | 'array' = 'object'): string {
  return kind === 'object' ? `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}` : `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

/**
 * The corpus: thousands of labelled hostile items (about 7,000), every one expected `rejected`.
 * Repeat it with `round` > 0 for fresh event ids (a ≥10,000-input run posts two rounds).
 */
export function hostileEvents(round = 0): HostileInput[] {
  const out: HostileInput[] = [];
  let n = round * 1_000_000;
  const add = (family: HostileFamily, label: string, make: (eventId: string) => Buffer, keepsNeighbours = true) => {
    n += 1;
    out.push({ family, label, raw: make(idOf(n)), expected: 'rejected', keepsNeighbours });
  };

  for (const example of wireExamples()) {
    const type = example['type'] as string;
    const base = (eventId: string) => ({ ...example, eventId });
    const data = (example['data'] ?? {}) as Record<string, unknown>;
    const dataFields = Object.entries(data);
    const instantFields = ['occurredAt', ...dataFields.filter(([, v]) => typeof v === 'string' && INSTANT_SHAPE.test(v)).map(([k]) => `data.${k}`)];
    const dateFields = dataFields.filter(([, v]) => typeof v === 'string' && LOCAL_DATE_SHAPE.test(v)).map(([k]) => `data.${k}`);
    const textFields = [
      ...ENVELOPE_TEXT_FIELDS.filter((f) => typeof example[f] === 'string'),
      ...dataFields.filter(([, v]) => typeof v === 'string').map(([k]) => `data.${k}`),
    ];

    for (const field of instantFields) {
      for (const bad of HOSTILE_INSTANTS) add('impossible-instant', `${field} = ${JSON.stringify(bad)} (${type})`, (id) => json(withField(base(id), field, bad)));
    }
    for (const bad of FUTURE_INSTANTS) add('future-instant', `occurredAt = ${bad}, beyond the clock-skew window (${type})`, (id) => json(withField(base(id), 'occurredAt', bad)));
    for (const field of dateFields) {
      for (const bad of HOSTILE_LOCAL_DATES) add('impossible-local-date', `${field} = ${JSON.stringify(bad)} (${type})`, (id) => json(withField(base(id), field, bad)));
    }
    for (const field of textFields) {
      for (const [what, bad] of HOSTILE_TEXTS) {
        add('text', `${field} holds ${what} (${type})`, (id) => json(withField(base(id), field, `${String(example[field] ?? data[field.slice(5)])}${bad}`)));
      }
      add('text', `${field} holds a raw NUL byte (${type})`, (id) => splice(withField(base(id), field, MARK), Buffer.from([0x41, 0x00, 0x42])));
      for (const [what, bytes] of INVALID_UTF8) {
        add('invalid-utf8', `${field} holds ${what} (${type})`, (id) => splice(withField(base(id), field, MARK), Buffer.concat([Buffer.from('Ph'), Buffer.from(bytes), Buffer.from('ng')])));
      }
      add('oversize', `${field} of 70,000 characters (${type})`, (id) => json(withField(base(id), field, 'x'.repeat(70_000))));
      const limit = ENVELOPE_LIMITS[field];
      if (limit) add('oversize', `${field} of ${limit + 1} characters (${type})`, (id) => json(withField(base(id), field, 'A'.repeat(limit + 1))));
    }
    add('oversize', `an unknown field of 70,000 characters (${type})`, (id) => json({ ...base(id), note: 'n'.repeat(70_000) }));
    add('oversize', `70,000 Vietnamese letters in an unknown data field (${type})`, (id) => json(withField(base(id), 'data.note', 'ườ'.repeat(35_000))));
    add('oversize', `an unknown field holding 20,000 numbers (${type})`, (id) => json({ ...base(id), extra: Array.from({ length: 20_000 }, (_, i) => i) }));

    for (const levels of [33, 64, 1_000, 10_000]) {
      add('deep-nesting', `data nested ${levels} objects deep (${type})`, (id) => splice(withField(base(id), 'data', MARK), Buffer.from(nestedJson(levels)), true));
      add('deep-nesting', `an unknown field nested ${levels} arrays deep (${type})`, (id) => splice({ ...base(id), extra: MARK }, Buffer.from(nestedJson(levels, 'array')), true));
    }

    for (const field of [...REQUIRED_ENVELOPE, ...['dossierCode', 'procedureCode', 'petitionCode'].filter((f) => f in example)]) {
      add('missing-field', `${field} missing (${type})`, (id) => json(withField(base(id), field, undefined)));
      add('wrong-type', `${field} is null (${type})`, (id) => json(withField(base(id), field, null)));
      add('wrong-type', `${field} is an object (${type})`, (id) => json(withField(base(id), field, { value: example[field] })));
      add('wrong-type', `${field} is an array (${type})`, (id) => json(withField(base(id), field, [example[field]])));
      add('wrong-type', `${field} is ${field === 'schemaVersion' ? 'a string' : 'a number'} (${type})`, (id) => json(withField(base(id), field, field === 'schemaVersion' ? '1' : 12345)));
    }
    // One past the type's current version: no schema and no upcaster reads it (upcasters.ts).
    const nextVersion = currentSchemaVersion(type) + 1;
    for (const bad of [0, nextVersion, -1, 1.5, 1e308, 99999999999]) add('number', `schemaVersion = ${bad} (${type})`, (id) => json(withField(base(id), 'schemaVersion', bad)));
    add('number', `schemaVersion written 1e400 (infinite) (${type})`, (id) => splice(withField(base(id), 'schemaVersion', MARK), Buffer.from('1e400'), true));
    add('number', `an unknown field written -1e999 (${type})`, (id) => splice({ ...base(id), extra: MARK }, Buffer.from('-1e999'), true));
    for (const bad of ['dossier.teleported', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'dossier.received.v2', `${type} `, type.toUpperCase()]) {
      add('wrong-type', `type = ${JSON.stringify(bad)} (${type})`, (id) => json(withField(base(id), 'type', bad)));
    }
    add('wrong-type', `eventId is not a UUID (${type})`, (id) => json(withField(base(id), 'eventId', `${id}x`)));
    if (dataFields.length > 0) {
      for (const [what, bad] of [['an array', []], ['a string', 'data'], ['a number', 1], ['null', null], ['true', true]] as const) {
        add('wrong-type', `data is ${what} (${type})`, (id) => json(withField(base(id), 'data', bad)));
      }
    }
    for (const [k, v] of dataFields) {
      if (typeof v === 'string') add('wrong-type', `data.${k} is a number (${type})`, (id) => json(withField(base(id), `data.${k}`, 7)));
      else if (typeof v === 'number') {
        for (const bad of [-1, 1e300, '1', ...(k === 'amount' ? [] : [0.5])]) add('number', `data.${k} = ${JSON.stringify(bad)} (${type})`, (id) => json(withField(base(id), `data.${k}`, bad)));
      } else if (typeof v === 'boolean') add('wrong-type', `data.${k} is "yes" (${type})`, (id) => json(withField(base(id), `data.${k}`, 'yes')));
    }

    for (const name of ['__proto__', 'constructor', 'prototype']) {
      add('reserved-name', `top-level field "${name}" (${type})`, (id) => splice({ ...base(id), extra: MARK }, Buffer.from(`{"x":1},${JSON.stringify(name)}:{"polluted":true}`), true));
      add('reserved-name', `data field "${name}" (${type})`, (id) => splice(withField(base(id), 'data', MARK), Buffer.from(`{${JSON.stringify(name)}:{"level":"satisfied"}}`), true));
    }
    for (const [what, key] of [['NUL', 'a\u0000b'], ['a lone surrogate', 'k\ud800'], ['101 characters', 'k'.repeat(101)]] as const) {
      add('reserved-name', `a field name holding ${what} (${type})`, (id) => json({ ...base(id), [key]: 1 }));
    }

    for (const [what, text] of [
      ['a trailing comma', ',}'], ['single quotes', ",'x':1}"], ['an unquoted name', ',x:1}'], ['NaN', ',"x":NaN}'], ['undefined', ',"x":undefined}'],
      ['a leading zero', ',"x":01}'], ['a bare fraction', ',"x":.5}'], ['a comment', ',"x":1/* c */}'], ['an invalid escape', ',"x":"\\x41"}'],
      ['a short \\u escape', ',"x":"\\u12"}'], ['a raw tab in a string', ',"x":"a\tb"}'], ['a raw control byte in a string', ',"x":"a\u0001b"}'],
      ['two values', '} {}'], ['a missing value', ',"x":}'], ['a missing colon', ',"x" 1}'],
    ] as const) {
      add('invalid-json', `${what} (${type})`, (id) => Buffer.from(JSON.stringify(base(id)).replace(/}$/, text)));
    }
    add('broken-framing', `an unterminated string (${type})`, (id) => Buffer.from(JSON.stringify(base(id)).replace(/}$/, ',"x":"unterminated}')), false);
    add('broken-framing', `a missing closing brace (${type})`, (id) => Buffer.from(JSON.stringify(base(id)).replace(/}$/, '')), false);
  }

  for (const [what, raw] of [
    ['an array instead of an event', '[]'], ['a string instead of an event', '"event"'], ['a number instead of an event', '42'],
    ['null instead of an event', 'null'], ['true instead of an event', 'true'], ['an empty object', '{}'], ['a UTF-16 encoded event', null],
    ['an array nested 10,000 deep', nestedJson(10_000, 'array')], ['an object nested 100,000 deep', nestedJson(100_000)],
    ['an array nested 1,000,000 deep', nestedJson(1_000_000, 'array')],
  ] as const) {
    add('wrong-type', what, () => (raw === null ? Buffer.from(JSON.stringify(wireExamples()[0]), 'utf16le') : Buffer.from(raw)));
  }
  return out;
}

/** A valid event, unique per n, to place beside hostile items: it must be accepted whatever its neighbours. */
export function goodNeighbour(n: number): Buffer {
  const example = wireExamples()[n % 38];
  return json({ ...example, eventId: `11111111-1111-4111-8111-${n.toString(16).padStart(12, '0')}`, occurredAt: '2025-03-07T10:00:00+07:00' });
}
