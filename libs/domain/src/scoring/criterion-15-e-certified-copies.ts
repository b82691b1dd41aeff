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
 *
 * How it scores is the rule set's choice (DOMAIN.md §4, docs/criteria-rules.md): qd766-2022 follows
 * the national portal — full points for every unit (`scoredAs: 'full-points'`), the figure kept as
 * information; the counted variant scores this ratio, and no competent unit means the criterion
 * does not concern the unit (`whenEmpty: 'not-applicable'`).
 */
export const criterion15ECertifiedCopies: CriterionCalculator = {
  id: 15,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.units, (u) => valueAt(u.certificationCompetent, ctx.last, false), (u) => issuedInSpan(ctx, u));
  },
};
