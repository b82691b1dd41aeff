/**
 * JSON with object keys sorted at every depth (UTF-16 code unit order), no whitespace, array order
 * kept, undefined fields dropped: the same content always hashes the same (docs/tamper-evidence.md).
 *
 * It runs for every appended and every verified event, so the fast path copies the value with its
 * keys in sorted order and lets the engine's JSON.stringify write it. An engine does not keep two
 * kinds of keys in insertion order — integer-like keys ("10", "9") and "__proto__" — so a value
 * holding any of them is written key by key instead. Both paths write the same text.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === UNORDERABLE ? writeKeyByKey(value) : (JSON.stringify(copy) ?? 'null');
}

const UNORDERABLE = Symbol('unorderable');

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i]);
      if (item === UNORDERABLE) return UNORDERABLE;
      out[i] = item;
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if ((c >= 48 && c <= 57) || key === '__proto__') return UNORDERABLE;
    const item = sortedCopy(record[key]);
    if (item === UNORDERABLE) return UNORDERABLE;
    out[key] = item;
  }
  return out;
}

function writeKeyByKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + writeKeyByKey(value[i] === undefined ? null : value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${writeKeyByKey(v)}`;
    first = false;
  }
  return `${out}}`;
}
