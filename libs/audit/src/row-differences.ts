import type { FailedRecompute, FinishedRow, ScoreRow } from '@idx/scoring-projection';

export interface RowDifference {
  readonly unitCode: string;
  /** A column of unit_period_scores, or `row` when one side has no row at all. */
  readonly column: string;
  readonly stored: unknown;
  readonly recomputed: unknown;
}

/** Floats written by the same code come back exact; the tolerance only absorbs text round trips. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** JSON as the jsonb and float8 columns give it back. */
const asStored = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/**
 * Compares a stored row with the replayed one column by column: every column the projector's row
 * function produces (figures, score, total, … whatever it grows to) but the key. Generic on
 * purpose, so a new stored figure is verified without touching verify.
 */
/**
 * A stored finished row (finished_scores) against the one finished by finishScore from the replayed
 * own figures: every column finishedRowOf writes but the key and the update time.
 */
export function finishedRowDifferences(unitCode: string, stored: Readonly<Record<string, unknown>> | undefined, expected: FinishedRow | undefined): RowDifference[] {
  if (!stored && !expected) return [];
  if (!stored || !expected) return [{ unitCode, column: 'finished row', stored: stored ? 'stored' : null, recomputed: expected ? 'recomputed' : null }];
  return Object.entries(expected)
    .filter(([column]) => column !== 'unit_code' && column !== 'updated_at')
    .filter(([column, value]) => !sameValue(asStored(stored[column]), asStored(value)))
    .map(([column, value]) => ({ unitCode, column: `finished ${column}`, stored: asStored(stored[column]), recomputed: asStored(value) }));
}

export function rowDifferences(unitCode: string, stored: Readonly<Record<string, unknown>> | undefined, replayed: ScoreRow | FailedRecompute | undefined): RowDifference[] {
  if (replayed && 'error' in replayed) return [{ unitCode, column: 'row', stored: stored ? 'stored' : null, recomputed: `error: ${replayed.error}` }];
  if (!stored && !replayed) return [];
  if (!stored || !replayed) return [{ unitCode, column: 'row', stored: stored ? 'stored' : null, recomputed: replayed ? 'recomputed' : null }];
  return Object.entries(replayed)
    .filter(([column]) => column !== 'unit_code')
    .filter(([column, value]) => !sameValue(asStored(stored[column]), asStored(value)))
    .map(([column, value]) => ({ unitCode, column, stored: asStored(stored[column]), recomputed: asStored(value) }));
}
