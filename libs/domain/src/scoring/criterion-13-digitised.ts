import { completedAt } from '../dossier/dossier-facts';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 13 (hồ sơ thực hiện số hóa): dossiers received in the period with digitised components
 * and, once completed with a document result, an electronic result too ("where applicable").
 */
export const criterion13Digitised: CriterionCalculator = {
  id: 13,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.received, () => true, (d) => {
      if (d.digitisedAt === undefined) return false;
      const needsEResult = completedAt(d) !== undefined && ctx.resultIsDocument(d.procedureCode);
      return !needsEResult || d.eResultAt !== undefined;
    });
  },
};
