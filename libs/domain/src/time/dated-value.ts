/**
 * A value that changes over business time: a list of (instant, value) in ascending order.
 * Storing the history, not just the latest value, lets a past period be judged with the value it
 * had then, and makes the fold independent of the order late facts arrive in.
 */
export interface Dated<T> {
  readonly at: number;
  readonly value: T;
}

/** Adds a change; a change at the same instant replaces the earlier-arrived one. */
export function withChange<T>(history: readonly Dated<T>[] | undefined, at: number, value: T): Dated<T>[] {
  const kept = (history ?? []).filter((h) => h.at !== at);
  return [...kept, { at, value }].sort((a, b) => a.at - b.at);
}

/** The value in force at instant `t` (the last change at or before `t`), else `fallback`. */
export function valueAt<T>(history: readonly Dated<T>[] | undefined, t: number, fallback: T): T {
  let value = fallback;
  for (const h of history ?? []) {
    if (h.at > t) break;
    value = h.value;
  }
  return value;
}
