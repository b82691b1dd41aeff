import type { Figure } from './figures';

/** Figures as a plain JSON object keyed by criterion id, in id order (for storage and APIs). */
export function figuresToRecord(figures: ReadonlyMap<number, Figure>): Record<string, Figure> {
  return Object.fromEntries([...figures.entries()].sort(([a], [b]) => a - b).map(([id, f]) => [String(id), f]));
}

export function figuresFromRecord(record: Readonly<Record<string, Figure>>): Map<number, Figure> {
  return new Map(Object.entries(record).map(([id, f]) => [Number(id), f]));
}
