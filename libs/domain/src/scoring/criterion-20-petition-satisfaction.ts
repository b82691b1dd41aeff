import { isPetitionOnTime } from '../petition/petition-on-time';
import { petitionSelected } from './criterion-19-petitions-on-time';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 20 (hài lòng trong xử lý PAKN): (petitions − rated unsatisfactory − overdue) / petitions;
 * a petition both unsatisfactory and overdue is subtracted once. No petitions → full points.
 */
export const criterion20PetitionSatisfaction: CriterionCalculator = {
  id: 20,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(
      ctx.petitions,
      petitionSelected(ctx),
      (p) => p.rating?.level !== 'unsatisfied' && isPetitionOnTime(p, ctx.t, input.ruleSet),
    );
  },
};
