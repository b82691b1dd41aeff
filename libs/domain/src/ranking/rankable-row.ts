import type { GroupId } from '../rules/rule-set';
import type { UnitScore } from '../scoring/score';
import type { RankableRow } from './rank-units';

/** A unit's score as a ranking row; groups that are wholly N/A for the unit are left out. */
export function rankableRowOf(unitCode: string, score: UnitScore): RankableRow {
  const groups: Partial<Record<GroupId, number>> = {};
  for (const g of score.groups) if (!g.notApplicable) groups[g.id] = g.points;
  return { unitCode, total: score.total, groups };
}
