import {
  CLOSE_ARRAY, CLOSE_OBJECT, COMMA, endOfString, isJsonWhitespace, OPEN_ARRAY, OPEN_OBJECT, QUOTE,
} from './json-bytes';

/** Where one item of a top-level JSON array lies in the body, and how deep it nests. */
export interface ItemBytes {
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  /** Set when the splitter itself can tell what is wrong (an empty item); JSON.parse tells the rest. */
  readonly problem?: string;
}

export interface ArrayItems {
  readonly items: ItemBytes[];
  /** Bytes the array does not account for (after its `]`, or a missing `]`), with what is wrong. */
  readonly leftover?: { readonly start: number; readonly end: number; readonly problem: string };
}

/** Index of the first byte that is not JSON whitespace (nor a UTF-8 byte order mark at the start). */
export function skipWhitespace(body: Uint8Array, from: number): number {
  let i = from;
  if (i === 0 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) i = 3;
  while (i < body.length && isJsonWhitespace(body[i])) i++;
  return i;
}

/**
 * Splits a body that is a top-level JSON array into its items' byte ranges, so each item is decoded,
 * judged and kept on its own, byte for byte: a broken or hostile item costs only itself. Works on the
 * bytes in one pass (strings and escapes aware, nesting tracked on a byte stack, no recursion).
 * A malformed item still ends at the first comma outside its strings once its brackets close (a
 * closer shuts its own opener and whatever is left open inside it; a stray closer is ignored), so
 * its neighbours keep their own bytes.
 * Returns undefined when the body is not a JSON array.
 */
export function splitJsonArrayItems(body: Buffer): ArrayItems | undefined {
  let i = skipWhitespace(body, 0);
  if (body[i] !== OPEN_ARRAY) return undefined;
  i++;
  const n = body.length;
  const items: ItemBytes[] = [];
  // Locals only in the loop (no closure over them): this runs over every byte ingest receives.
  let stack = new Uint8Array(64);
  let depth = 0;
  let deepest = 0;
  let itemStart = -1;
  let lastByte = -1; // last non-whitespace byte of the current item
  let closed = false;

  for (; i < n; i++) {
    const b = body[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (b === QUOTE) {
      if (itemStart < 0) itemStart = i;
      i = endOfString(body, i + 1);
      lastByte = i < n ? i : n - 1;
      continue;
    }
    if (depth === 0 && (b === COMMA || b === CLOSE_ARRAY)) {
      if (b === CLOSE_ARRAY && itemStart < 0 && items.length === 0 && body[byteBefore(body, i)] === OPEN_ARRAY) {
        closed = true; // []
        i++;
        break;
      }
      items.push(itemStart >= 0 ? { start: itemStart, end: lastByte + 1, depth: deepest } : emptyItem(i));
      itemStart = -1;
      deepest = 0;
      if (b === CLOSE_ARRAY) {
        closed = true;
        i++;
        break;
      }
      continue;
    }
    if (itemStart < 0) itemStart = i;
    lastByte = i;
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = b;
      if (depth > deepest) deepest = depth;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      // A closer closes its own opener and anything left open inside it; one with no opener in
      // the item is a stray byte, left for JSON.parse to name, so the item still ends at a comma.
      const opener = b === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY;
      let match = depth - 1;
      while (match >= 0 && stack[match] !== opener) match--;
      if (match >= 0) depth = match;
    }
  }

  if (!closed) {
    if (itemStart >= 0) items.push({ start: itemStart, end: lastByte + 1, depth: deepest });
    return { items, leftover: { start: n, end: n, problem: 'the JSON array is not closed with ]; each complete item before the end was judged on its own, send the rest again' } };
  }
  const rest = skipWhitespace(body, i);
  if (rest < n) {
    return { items, leftover: { start: rest, end: n, problem: 'bytes after the closing ] of the JSON array; send one array (or NDJSON with Content-Type: application/x-ndjson)' } };
  }
  return { items };
}

/** The byte before position `at`, whitespace skipped: tells `[]` from `[1,]`. */
function byteBefore(body: Uint8Array, at: number): number {
  let k = at - 1;
  while (k > 0 && isJsonWhitespace(body[k])) k--;
  return k;
}

function emptyItem(at: number): ItemBytes {
  return { start: at, end: at, depth: 0, problem: 'empty item (two commas in a row, or a comma after [ or before ]); remove the extra comma' };
}
