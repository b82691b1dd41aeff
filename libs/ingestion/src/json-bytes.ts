/**
 * Byte-level reading of JSON text, for what must be known before JSON.parse may run on it: how deep
 * it nests (JSON.parse and every walk after it recurse) and where its UTF-8 breaks. Loops over the
 * Buffer, never recursion, never building strings.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const COMMA = 0x2c;

export function isJsonWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Index of the quote that closes a string whose content starts at `from` (body.length when none).
 * Jumps from quote to quote with the native indexOf; a quote after an odd run of backslashes is
 * escaped and skipped. UTF-8 never puts a quote or backslash byte inside a multi-byte character.
 */
export function endOfString(body: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const q = body.indexOf(QUOTE, at);
    if (q < 0) return body.length;
    let k = q - 1;
    while (k >= from && body[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    at = q + 1;
  }
}

/**
 * Deepest nesting of objects and arrays in bytes[start, end), brackets inside strings not counted.
 * Stops counting as soon as it passes `stopAbove` (the answer is then stopAbove + 1).
 */
export function jsonDepth(bytes: Buffer, start = 0, end = bytes.length, stopAbove = Number.MAX_SAFE_INTEGER): number {
  let depth = 0;
  let deepest = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) i = endOfString(bytes, i + 1);
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && depth > 0) depth--;
  }
  return deepest;
}

/**
 * Offset of the first byte that breaks UTF-8 (a stray continuation byte, an overlong form, an
 * encoded surrogate, a code point above U+10FFFF, a truncated sequence), or -1 when all is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf; // allowed range of the second byte
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates D800–DFFF
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= end) return i; // the sequence is cut off
    const second = bytes[i + 1];
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
