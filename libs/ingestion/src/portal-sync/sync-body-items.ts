import { skipWhitespace, splitJsonArrayItems } from '../json-array-items';
import { endOfString, QUOTE } from '../json-bytes';

/**
 * Each item's own bytes in the `data` list of a sync body, as sent (so a rejected dossier is kept
 * byte for byte, like a rejected event), or undefined when they cannot be told apart (then the
 * caller keeps the whole body). Scans the top-level object's keys only.
 */
export function syncDataItemBytes(body: Buffer): Buffer[] | undefined {
  let i = skipWhitespace(body, 0);
  if (body[i] !== 0x7b) return undefined;
  let depth = 0;
  let expectKey = true;
  for (; i < body.length; i++) {
    const b = body[i];
    if (b === QUOTE) {
      const end = endOfString(body, i + 1);
      if (depth === 1 && expectKey) {
        const key = body.subarray(i + 1, end).toString('utf8');
        if (key === 'data') {
          let j = skipWhitespace(body, end + 1);
          if (body[j] !== 0x3a) return undefined;
          j = skipWhitespace(body, j + 1);
          const split = splitJsonArrayItems(body.subarray(j));
          return split?.items.map((it) => body.subarray(j + it.start, j + it.end));
        }
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x2c && depth === 1) expectKey = true;
  }
  return undefined;
}
