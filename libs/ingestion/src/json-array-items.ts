import {
  BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COMMA, isJsonWhitespace, OPEN_ARRAY, OPEN_OBJECT, QUOTE,
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
 * A malformed item is cut where its brackets close (a closer with no opener in the item closes the
 * nearest matching one, a `]` with none ends the array), so its neighbours keep their own bytes.
 * Returns undefined when the body is not a JSON array.
 */
export function splitJsonArrayItems(body: Uint8Array): ArrayItems | undefined {
  let i = skipWhitespace(body, 0);
  if (body[i] !== OPEN_ARRAY) return undefined;
  i++;
  const items: ItemBytes[] = [];
  let stack = new Uint8Array(64);
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let itemStart = -1;
  let lastByte = -1; // last non-whitespace byte of the current item
  let afterComma = false;
  let closed = false;

  const endItem = () => {
    if (itemStart >= 0) items.push({ start: itemStart, end: lastByte + 1, depth: deepest });
    else items.push({ start: i, end: i, depth: 0, problem: 'empty item (two commas in a row, or a comma after [ or before ]); remove the extra comma' });
    itemStart = -1;
    deepest = 0;
    depth = 0;
  };

  for (; i < body.length; i++) {
    const b = body[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
      lastByte = Math.min(i, body.length - 1);
      continue;
    }
    if (isJsonWhitespace(b)) continue;
    if (depth === 0 && (b === COMMA || b === CLOSE_ARRAY)) {
      if (b === CLOSE_ARRAY && itemStart < 0 && items.length === 0 && !afterComma) {
        closed = true; // []
        i++;
        break;
      }
      endItem();
      if (b === CLOSE_ARRAY) {
        closed = true;
        i++;
        break;
      }
      afterComma = true;
      continue;
    }
    if (itemStart < 0) itemStart = i;
    lastByte = i;
    if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = b;
      if (depth > deepest) deepest = depth;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      const opener = b === CLOSE_OBJECT ? OPEN_OBJECT : OPEN_ARRAY;
      let match = depth - 1;
      while (match >= 0 && stack[match] !== opener) match--;
      if (match >= 0) depth = match; // closes its opener and anything left open inside it
      else if (b === CLOSE_ARRAY) {
        // No [ open in this item: this is the array's own ], closing an item left unfinished.
        lastByte = i - 1;
        while (lastByte > itemStart && isJsonWhitespace(body[lastByte])) lastByte--;
        depth = 0;
        endItem();
        closed = true;
        i++;
        break;
      }
      // A } with no { open in the item: a stray byte, left for JSON.parse to name.
    }
  }

  if (!closed) {
    if (itemStart >= 0) endItem();
    return { items, leftover: { start: body.length, end: body.length, problem: 'the JSON array is not closed with ]; each complete item before the end was judged on its own, send the rest again' } };
  }
  const rest = skipWhitespace(body, i);
  if (rest < body.length) {
    return { items, leftover: { start: rest, end: body.length, problem: 'bytes after the closing ] of the JSON array; send one array (or NDJSON with Content-Type: application/x-ndjson)' } };
  }
  return { items };
}
