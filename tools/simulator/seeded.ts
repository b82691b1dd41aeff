import { createHash } from 'node:crypto';

/** A deterministic UUID (version 5 layout) from a name: re-sending the same simulated fact is a duplicate, not a second fact. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** A small seeded PRNG (mulberry32), so a unit-month's simulated history is the same on every run. */
export function seededRandom(seed: string): () => number {
  let a = createHash('sha1').update(seed).digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Local ISO-8601 (+07:00) for an instant, as a one-stop system would send it. */
export function localIso(ms: number): string {
  return `${new Date(ms + 7 * HOUR).toISOString().slice(0, 19)}+07:00`;
}

export function localDate(ms: number): string {
  return localIso(ms).slice(0, 10);
}
