import { isOnTime } from '../dossier/on-time';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 21 (hài lòng trong tiếp nhận, giải quyết TTHC), target 90%: (dossiers − rated
 * unsatisfactory or petitioned − overdue) / dossiers received in the period; each dossier is
 * subtracted once. No dossiers → 0 points (rule set).
 */
export const criterion21DossierSatisfaction: CriterionCalculator = {
  id: 21,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(
      ctx.received,
      () => true,
      (d) => d.rating?.level !== 'unsatisfied' && (d.petitionCodes?.length ?? 0) === 0 && isOnTime(d, ctx.t, input.ruleSet),
    );
  },
};
