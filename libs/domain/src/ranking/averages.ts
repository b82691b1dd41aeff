import type { GroupId } from '../rules/rule-set';
import type { RankableRow } from './rank-units';

export interface Averages {
  /** Unweighted mean of the totals; null over no rows. */
  readonly total: number | null;
  /** Unweighted mean per group, over the rows for which the group applies. */
  readonly groups: Readonly<Partial<Record<GroupId, number>>>;
  readonly count: number;
}

/**
 * "Trung bình cả nước" (DOMAIN.md §5): the unweighted mean over the ranked units — every province
 * weighs the same, whatever its size — for the total and for each group.
 */
export function averageOf(rows: readonly RankableRow[]): Averages {
  const total = rows.length === 0 ? null : rows.reduce((s, r) => s + r.total, 0) / rows.length;
  const sums = new Map<GroupId, { sum: number; n: number }>();
  for (const r of rows) {
    for (const [id, v] of Object.entries(r.groups) as [GroupId, number | undefined][]) {
      if (v === undefined) continue;
      const acc = sums.get(id) ?? { sum: 0, n: 0 };
      sums.set(id, { sum: acc.sum + v, n: acc.n + 1 });
    }
  }
  const groups: Partial<Record<GroupId, number>> = {};
  for (const [id, { sum, n }] of sums) groups[id] = sum / n;
  return { total, groups, count: rows.length };
}
