import { valueAt } from '../time/dated-value';
import { countFigure, type CriterionCalculator } from './figures';
import { scoringContext } from './scoring-context';

/** Online service offered: partial (một phần) or full (toàn trình) at the instant asked. */
export const isOnlineAt = (level: 'none' | 'partial' | 'full'): boolean => level === 'partial' || level === 'full';

/**
 * Criterion 6 (TTHC cung cấp DVCTT), point in time, target 80%: procedures under the unit's
 * authority offering a partial or full online service at the end of the evaluated span.
 */
export const criterion06OnlineServices: CriterionCalculator = {
  id: 6,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.activeProcedures, () => true, (p) => isOnlineAt(valueAt(p.onlineLevel, ctx.last, 'none')));
  },
};
