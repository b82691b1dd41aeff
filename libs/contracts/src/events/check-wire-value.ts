import { FIELD_NAME_MAX, FORBIDDEN_FIELD_NAMES, MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from './wire-limits';

/**
 * Checks that hold for every value anywhere in an event, known field or not, before any schema
 * reads it: no NUL and no lone surrogate in any text or field name (PostgreSQL cannot store the
 * first, UTF-8 cannot encode the second), no JavaScript-internal field names, no non-finite number,
 * bounded nesting and size. The walk is iterative, so no input can exhaust the stack.
 */

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PLAIN_NAME = /^[A-Za-z_$][\w$-]*$/;

interface Node {
  readonly value: unknown;
  readonly parent: Node | undefined;
  readonly key: string | number | undefined;
  readonly depth: number;
}

function shown(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut); // escapes NUL and lone surrogates, so a reason is always storable text
}

/** The field path as a sender wrote it (data.lines.0.amount); odd names are quoted, never echoed raw. */
function fieldPath(node: Node | undefined, last?: string | number): string {
  const keys: (string | number)[] = last === undefined ? [] : [last];
  for (let n = node; n && n.key !== undefined; n = n.parent) keys.unshift(n.key);
  if (keys.length === 0) return '(event)';
  return keys
    .map((k, i) => {
      const s = typeof k === 'number' ? String(k) : PLAIN_NAME.test(k) ? k : `[${shown(k)}]`;
      return i === 0 || s.startsWith('[') ? s : `.${s}`;
    })
    .join('');
}

/** Any surrogate at all: a plain character class V8 scans fast; the exact test runs only on a hit. */
const SURROGATE = /[\uD800-\uDFFF]/;
const NON_ASCII = /[\u0080-\uFFFF]/;

function unstorableProblem(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `contains a NUL character (U+0000) at position ${nul}; remove it`;
  if (!SURROGATE.test(text)) return undefined;
  const m = LONE_SURROGATE.exec(text);
  if (!m) return undefined;
  const unit = m[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone surrogate (U+${unit}) at position ${m.index}, which is not a character; send well-formed Unicode text`;
}

/** UTF-8 length of a string without allocating (lone surrogates count 3, as the replacement character would). */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Problems ("path: what is wrong") with a decoded event, at most `max` of them; empty when none.
 * Size is the length of the event written as compact JSON, estimated without writing it.
 */
export function checkWireValue(input: unknown, max = 5): string[] {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null) {
    const problem = leafProblem(input);
    return problem ? [`(event): ${problem}`] : [];
  }
  // Only objects and arrays are queued; texts and numbers are checked where they are met, and a
  // path is written out only for a problem, so a good event costs one pass and few allocations.
  const pending: Node[] = [{ value: input, parent: undefined, key: undefined, depth: 1 }];
  let bytes = 0;
  while (pending.length > 0 && problems.length < max) {
    const node = pending.pop() as Node;
    if (node.depth > MAX_EVENT_DEPTH) {
      problems.push(`${fieldPath(node)}: nested deeper than ${MAX_EVENT_DEPTH} levels of objects and arrays; an event needs at most 4`);
      continue;
    }
    const container = node.value as Record<string, unknown> | unknown[];
    const keys = Array.isArray(container) ? undefined : Object.keys(container);
    const count = keys ? keys.length : (container as unknown[]).length;
    bytes += 2 + count;
    for (let i = 0; i < count && problems.length < max; i++) {
      let child: unknown;
      let key: string | number = i;
      if (keys) {
        key = keys[i];
        bytes += utf8Length(key) + 3;
        const problem = FORBIDDEN_FIELD_NAMES.includes(key)
          ? 'is a field name JavaScript reserves for its objects; no event has it, remove it'
          : key.length > FIELD_NAME_MAX
            ? `field name is longer than ${FIELD_NAME_MAX} characters`
            : unstorableProblem(key)?.replace(/^contains/, 'field name contains');
        if (problem) {
          problems.push(`${fieldPath(node, key)}: ${problem}`);
          continue;
        }
        child = (container as Record<string, unknown>)[key];
      } else child = (container as unknown[])[i];
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, parent: node, key, depth: node.depth + 1 });
        continue;
      }
      bytes += typeof child === 'string' ? utf8Length(child) + 2 : 8;
      const problem = leafProblem(child);
      if (problem) problems.push(`${fieldPath(node, key)}: ${problem}`);
    }
    if (bytes > MAX_EVENT_BYTES) {
      problems.push(`(event): larger than ${MAX_EVENT_BYTES / 1024} KiB as JSON; send one event at a time, with free texts of at most 2000 characters`);
      break;
    }
  }
  return problems;
}

function leafProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return unstorableProblem(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'is a number too large to represent; send a realistic value';
  return undefined;
}
