import { MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from '@idx/contracts';
import { firstInvalidUtf8, jsonDepth } from './json-bytes';
import type { BatchItem } from './split-batch';

/** Refuses invalid UTF-8 instead of replacing it with U+FFFD: the sender must learn their bytes are broken. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A parser message made safe to store and show: no control characters, bounded length. */
function safeMessage(message: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a stored reason
  const clean = message.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * One item's own bytes (an array item, an NDJSON line, a Kafka message) → the decoded value, or why
 * not. Size and nesting are checked on the bytes before anything parses them, so a 10,000-level
 * item is answered here and never reaches JSON.parse; bytes are decoded strictly as UTF-8.
 * `label` prefixes every reason (e.g. "line 3: "); `knownDepth` skips the depth scan when the caller
 * already measured it.
 */
export function decodeItem(raw: Buffer, label = '', knownDepth?: number): BatchItem {
  const reject = (reason: string): BatchItem => ({ raw, ok: false, reason: `${label}${reason}` });
  if (raw.length > MAX_EVENT_BYTES) {
    return reject(`(event): ${raw.length} bytes, more than the ${MAX_EVENT_BYTES / 1024} KiB one event may have; send one event per item`);
  }
  const depth = knownDepth ?? jsonDepth(raw, 0, raw.length, MAX_EVENT_DEPTH);
  if (depth > MAX_EVENT_DEPTH) {
    return reject(`(event): nested deeper than ${MAX_EVENT_DEPTH} levels of objects and arrays; an event needs at most 4`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    const at = firstInvalidUtf8(raw);
    const shown = at < 0 ? '' : ` at byte ${at} (${hex(raw[at])})`;
    return reject(`not valid UTF-8${shown}; send the text encoded as UTF-8 (Vietnamese letters included)`);
  }
  try {
    return { raw, ok: true, value: JSON.parse(text) };
  } catch (error) {
    return reject(`not valid JSON (${safeMessage((error as Error).message)})`);
  }
}
