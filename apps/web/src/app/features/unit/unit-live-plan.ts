import type { ScoreChangedMessageDto } from '@idx/contracts';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { isMonthKey } from '../../core/time/vietnam-time';

/** What a unit page has on screen, as far as live changes are concerned. */
export interface UnitPageShown {
  readonly code: string;
  /** The period key as the page was asked for it (mtd stays mtd). */
  readonly period: string;
  /** Units pooled into the unit's score (its own and, for a province, all below it). */
  readonly pooledUnits: readonly string[];
  /** The months the trend shows (YYYY-MM). */
  readonly trendMonths: readonly string[];
  /** Each listed sub-unit level and the units it lists. */
  readonly subUnits: readonly { readonly level: string; readonly unitCodes: readonly string[] }[];
}

/** What a burst of changes touched on the page: only these are refetched. */
export interface UnitRefetchPlan {
  /** The unit's score (and with it its ranks): it, or a unit pooled into it, changed in the shown period. */
  readonly score: boolean;
  /** Months of the trend whose point moved (the unit's own monthly score changed), ascending. */
  readonly trendMonths: readonly string[];
  /** Sub-unit levels listing a unit whose score changed in the shown period. */
  readonly subUnitLevels: readonly string[];
}

export const NOTHING_TO_REFETCH: UnitRefetchPlan = { score: false, trendMonths: [], subUnitLevels: [] };

export function isEmptyPlan(plan: UnitRefetchPlan): boolean {
  return !plan.score && plan.trendMonths.length === 0 && plan.subUnitLevels.length === 0;
}

/** The part of the page a burst of score changes touched. */
export function planUnitRefetch(messages: readonly ScoreChangedMessageDto[], shown: UnitPageShown, now: Date = new Date()): UnitRefetchPlan {
  let score = false;
  const months = new Set<string>();
  const levels = new Set<string>();
  for (const { unitCode, period } of messages) {
    const inShownPeriod = changeAffectsPeriod(period, shown.period, now);
    if (inShownPeriod && (unitCode === shown.code || shown.pooledUnits.includes(unitCode))) score = true;
    if (unitCode === shown.code && isMonthKey(period) && shown.trendMonths.includes(period)) months.add(period);
    if (inShownPeriod) for (const s of shown.subUnits) if (s.unitCodes.includes(unitCode)) levels.add(s.level);
  }
  return { score, trendMonths: [...months].sort(), subUnitLevels: [...levels].sort() };
}

/** How many months from `first` to `last` (YYYY-MM), both included: the trend request that covers them. */
export function monthSpan(first: string, last: string): number {
  const index = (key: string): number => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  return index(last) - index(first) + 1;
}
