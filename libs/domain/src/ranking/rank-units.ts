import type { GroupId } from '../rules/rule-set';
import { roundHalfUp } from '../scoring/rounding';

/** What a ranking ranks by: the total or one reported group. */
export type RankKey = 'total' | GroupId;

/** The per-unit numbers rankings and averages need; a group missing from `groups` is N/A for the unit. */
export interface RankableRow {
  readonly unitCode: string;
  readonly total: number;
  readonly groups: Readonly<Partial<Record<GroupId, number>>>;
}

export interface RankOptions {
  /**
   * Compare values rounded to this many decimals, e.g. the display precision so that two units
   * shown as 73,61 share a rank. Default 9: only floating-point noise is ignored.
   */
  readonly decimals?: number;
}

export type Ranked<T> = T & {
  /** Competition rank (1, 2, 2, 4); null when the row has no value for the key (N/A). */
  readonly rank: number | null;
  /** How many rows were ranked ("thứ 12/63"). */
  readonly of: number;
};

export function valueOf(row: RankableRow, key: RankKey): number | undefined {
  return key === 'total' ? row.total : row.groups[key];
}


/**
 * Ranks rows by a key, highest first; equal values share a rank and the next rank skips
 * (1, 2, 2, 4). Ties list in unit-code order so the output is deterministic.
 */
export function rankUnits<T extends RankableRow>(rows: readonly T[], key: RankKey = 'total', options: RankOptions = {}): Ranked<T>[] {
  const decimals = options.decimals ?? 9;
  const valued = rows
    .map((row) => ({ row, value: valueOf(row, key) }))
    .filter((r): r is { row: T; value: number } => r.value !== undefined && Number.isFinite(r.value))
    // The same half-up rounding the display uses: two units shown as 73,62 share a rank.
    .map((r) => ({ row: r.row, value: roundHalfUp(r.value, decimals) }))
    .sort((a, b) => b.value - a.value || a.row.unitCode.localeCompare(b.row.unitCode));
  const of = valued.length;
  const ranked: Ranked<T>[] = [];
  valued.forEach((r, i) => {
    const rank = i > 0 && r.value === valued[i - 1].value ? (ranked[i - 1].rank as number) : i + 1;
    ranked.push({ ...r.row, rank, of });
  });
  const ranks = new Set<T>(valued.map((v) => v.row));
  const unranked = rows
    .filter((row) => !ranks.has(row))
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode))
    .map((row) => ({ ...row, rank: null, of }));
  return [...ranked, ...unranked];
}
