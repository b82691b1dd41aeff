import { type CriterionCalculator, countFigure } from './figures';
import { completedIn, scoringContext } from './scoring-context';

/**
 * Criterion 12 (hồ sơ có cấp kết quả điện tử): dossiers completed in the period (processed, else
 * result returned) of procedures whose result is a document, that were issued an electronic result.
 */
export const criterion12EResults: CriterionCalculator = {
  id: 12,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(
      ctx.dossiers,
      (d) => completedIn(ctx, d) && ctx.resultIsDocument(d.procedureCode),
      (d) => d.eResultAt !== undefined,
    );
  },
};
