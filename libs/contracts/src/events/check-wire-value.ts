import { FIELD_NAME_MAX, FORBIDDEN_FIELD_NAMES, MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from './wire-limits';

/**
 * Checks that hold for every value anywhere in an event, known field or not, before any schema
 * reads it: no NUL and no lone surrogate in any text or field name (PostgreSQL cannot store the
 * first, UTF-8 cannot encode the second), no JavaScript-internal field names, no non-finite number,
 * bounded nesting and size. The walk is iterative, so no input can exhaust the stack.
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
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

function unstorableProblem(text: string): string | undefined {
  const m = UNSTORABLE.exec(text);
  if (!m) return undefined;
  if (m[0] === '\u0000') return `contains a NUL character (U+0000) at position ${m.index}; remove it`;
  const unit = m[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone surrogate (U+${unit}) at position ${m.index}, which is not a character; send well-formed Unicode text`;
}

/** UTF-8 length of a string without allocating (lone surrogates count 3, as the replacement character would). */
export function utf8Length(text: string): number {
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
  const pending: Node[] = [{ value: input, parent: undefined, key: undefined, depth: 1 }];
  let bytes = 0;
  while (pending.length > 0 && problems.length < max) {
    const node = pending.pop() as Node;
    const { value } = node;
    if (typeof value === 'string') {
      bytes += utf8Length(value) + 2;
      const problem = unstorableProblem(value);
      if (problem) problems.push(`${fieldPath(node)}: ${problem}`);
    } else if (typeof value === 'number') {
      bytes += 8;
      if (!Number.isFinite(value)) problems.push(`${fieldPath(node)}: is a number too large to represent; send a realistic value`);
    } else if (typeof value === 'object' && value !== null) {
      bytes += 2;
      if (node.depth > MAX_EVENT_DEPTH) {
        problems.push(`${fieldPath(node)}: nested deeper than ${MAX_EVENT_DEPTH} levels of objects and arrays; an event needs at most 4`);
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], parent: node, key: i, depth: node.depth + 1 });
        bytes += value.length;
      } else {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i];
          bytes += utf8Length(key) + 4;
          const problem = FORBIDDEN_FIELD_NAMES.includes(key)
            ? `is a field name JavaScript reserves for its objects; no event has it, remove it`
            : key.length > FIELD_NAME_MAX
              ? `field name is longer than ${FIELD_NAME_MAX} characters`
              : unstorableProblem(key);
          if (problem) problems.push(`${fieldPath(node, key)}: ${problem.replace(/^contains/, 'field name contains')}`);
          else pending.push({ value: (value as Record<string, unknown>)[key], parent: node, key, depth: node.depth + 1 });
        }
      }
    } else {
      bytes += 5;
    }
    if (bytes > MAX_EVENT_BYTES) {
      problems.push(`(event): larger than ${MAX_EVENT_BYTES / 1024} KiB as JSON; send one event at a time, with free texts of at most 2000 characters`);
      break;
    }
  }
  return problems;
}
