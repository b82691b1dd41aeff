import { decodeItem } from './decode-item';
import { isJsonWhitespace, OPEN_OBJECT } from './json-bytes';
import { skipWhitespace, splitJsonArrayItems } from './json-array-items';

/** One posted item: its own bytes, and either the decoded JSON or why it could not be decoded. */
export type BatchItem =
  | { readonly raw: Buffer; readonly ok: true; readonly value: unknown }
  | { readonly raw: Buffer; readonly ok: false; readonly reason: string };

export class UnreadableBatchError extends Error {}

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

export function isNdjson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return NDJSON_TYPES.includes(type);
}

/** NDJSON: one envelope a line; a bad line is rejected on its own and the rest go on. */
export function splitNdjson(body: Buffer): BatchItem[] {
  const items: BatchItem[] = [];
  let start = 0;
  let lineNo = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    lineNo += 1;
    let first = start;
    while (first < end && isJsonWhitespace(body[first])) first++;
    if (first < end) items.push(decodeItem(body.subarray(start, end), `line ${lineNo}: `));
    start = end + 1;
  }
  return items;
}

/**
 * JSON: an array of envelopes, or a single envelope. Each array item keeps its own original bytes and
 * is decoded and judged alone (json-array-items.ts), so a broken item never costs its neighbours.
 * A body that is neither an array nor an object is unreadable as a whole.
 */
export function splitJson(body: Buffer): BatchItem[] {
  const split = splitJsonArrayItems(body);
  if (split) {
    const items = split.items.map((item): BatchItem => {
      const raw = body.subarray(item.start, item.end); // a view, not a copy: the body outlives its items
      return item.problem ? { raw, ok: false, reason: item.problem } : decodeItem(raw, '', item.depth);
    });
    const { leftover } = split;
    if (leftover) items.push({ raw: body.subarray(leftover.start, leftover.end), ok: false, reason: leftover.problem });
    return items;
  }
  const first = skipWhitespace(body, 0);
  if (body[first] === OPEN_OBJECT) return [decodeItem(body)];
  throw new UnreadableBatchError(
    'body is neither a JSON array of events nor one JSON event object; send a JSON array of events, or NDJSON with Content-Type: application/x-ndjson',
  );
}
export function splitBatch(body: Buffer, contentType: string | undefined): BatchItem[] {
  return isNdjson(contentType) ? splitNdjson(body) : splitJson(body);
}
