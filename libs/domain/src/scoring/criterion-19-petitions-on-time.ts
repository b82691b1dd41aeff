import { isPetitionOnTime } from '../petition/petition-on-time';
import type { PetitionFacts } from '../petition/petition-facts';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext, type ScoringContext } from './scoring-context';

/** Petitions in the unit's competence first received in the span (DOMAIN.md §5). */
export const petitionSelected = (ctx: ScoringContext) => (p: PetitionFacts): boolean => p.withinCompetence && ctx.inSpan(p.receivedAt);

/**
 * Criterion 19 (PAKN xử lý đúng hạn): petitions answered by their deadline (every round, reopened
 * ones included) or pending and not yet due. No petitions → full points (rule set).
 */
export const criterion19PetitionsOnTime: CriterionCalculator = {
  id: 19,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.petitions, petitionSelected(ctx), (p) => isPetitionOnTime(p, ctx.t, input.ruleSet));
  },
};
