/** C0 controls and DEL: never part of a name, a password or a log line. */
const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;
const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isControl(value.charCodeAt(i))) return true;
  return false;
}

/**
 * Text PostgreSQL can store: no NUL (text and jsonb refuse it) and no lone surrogate. Hostile
 * input checked with this is answered with a reason instead of a database error.
 */
export function isStorableText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0) return false;
    if (isSurrogate(code)) {
      const next = value.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** Controls and surrogates replaced by "?", so any text can go into a log line or the audit log. */
export function printable(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    out += isControl(code) || isSurrogate(code) ? '?' : ch;
  }
  return out;
}
