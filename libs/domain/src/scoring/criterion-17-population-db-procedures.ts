import { valueAt } from '../time/dated-value';
import { DOSSIER_EVIDENCE } from './dossier-evidence';
import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 17 (TTHC triển khai kết nối, chia sẻ dữ liệu dân cư): citizen-facing procedures at the
 * end of the span with at least one dossier received in the period that used population data
 * (national population database or VNeID).
 */
export const criterion17PopulationDbProcedures: CriterionCalculator = {
  id: 17,
  compute(input) {
    const ctx = scoringContext(input);
    const byDefault = input.ruleSet.procedure.citizenFacingByDefault;
    return countFigure(
      ctx.activeProcedures,
      (p) => valueAt(p.citizenFacing, ctx.last, byDefault),
      (p) => ctx.dossiersOf(p.procedureCode).some((d) => DOSSIER_EVIDENCE[17](d, ctx.inSpan)),
    );
  },
};
