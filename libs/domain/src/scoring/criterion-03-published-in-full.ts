import { valueAt } from '../time/dated-value';
import { countFigure, type CriterionCalculator } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 3 (TTHC công khai đầy đủ nội dung), a point-in-time figure: of the procedures under
 * the unit's authority and published at the end of the evaluated span, those showing every
 * mandatory part (rule set: the seven parts of Decree 63/2010 art. 8 a–g).
 */
export const criterion03PublishedInFull: CriterionCalculator = {
  id: 3,
  compute(input) {
    const ctx = scoringContext(input);
    const mandatory = input.ruleSet.procedure.mandatoryParts;
    return countFigure(
      ctx.activeProcedures,
      (p) => p.publications.some((pub) => pub.at <= ctx.last),
      (p) => {
        const present = valueAt(p.parts, ctx.last, []);
        return mandatory.every((part) => present.includes(part));
      },
    );
  },
};
