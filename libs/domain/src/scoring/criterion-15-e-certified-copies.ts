import { valueAt } from '../time/dated-value';
import { monthKeysBetween } from '../time/periods';
import type { UnitFacts } from '../units/unit-facts';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext, type ScoringContext } from './scoring-context';

function issuedInSpan(ctx: ScoringContext, u: UnitFacts): boolean {
  if (!u.eCopies || ctx.t <= ctx.input.period.start) return false;
  // A month's first copy decides "≥ 1 in the span": periods are whole months cut at asOf.
  return monthKeysBetween(ctx.input.period.start, ctx.t).some((m) => ctx.inSpan(u.eCopies?.[m]?.first));
}

/**
 * Criterion 15 (cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính): units competent to
 * certify copies at the end of the span that completed at least one electronic certified copy in
 * it. A unit's own figure is 1/1, 0/1 or 0/0; pooled, it counts a province's certifying units.
 * No competent unit means the criterion does not concern the unit (rule set: `not-applicable`).
 */
export const criterion15ECertifiedCopies: CriterionCalculator = {
  id: 15,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.units, (u) => valueAt(u.certificationCompetent, ctx.last, false), (u) => issuedInSpan(ctx, u));
  },
};
