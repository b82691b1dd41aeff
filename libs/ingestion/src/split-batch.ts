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
    const raw = body.subarray(start, end);
    const text = raw.toString('utf8').trim();
    if (text.length > 0) {
      try {
        items.push({ raw: Buffer.from(raw), ok: true, value: JSON.parse(text) });
      } catch (error) {
        items.push({ raw: Buffer.from(raw), ok: false, reason: `line ${lineNo}: not valid JSON (${(error as Error).message})` });
      }
    }
    start = end + 1;
  }
  return items;
}

/** JSON: an array of envelopes, or a single envelope. A body that is not JSON at all is unreadable. */
export function splitJson(body: Buffer): BatchItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new UnreadableBatchError(
      `body is not valid JSON (${(error as Error).message}); send a JSON array of events, or NDJSON with Content-Type: application/x-ndjson`,
    );
  }
  const values = Array.isArray(parsed) ? parsed : [parsed];
  return values.map((value) => ({ raw: Buffer.from(JSON.stringify(value)), ok: true, value }));
}

export function splitBatch(body: Buffer, contentType: string | undefined): BatchItem[] {
  return isNdjson(contentType) ? splitNdjson(body) : splitJson(body);
}
