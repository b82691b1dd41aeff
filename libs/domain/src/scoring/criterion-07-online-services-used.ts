import { valueAt } from '../time/dated-value';
import { isOnlineAt } from './criterion-06-online-services';
import { DOSSIER_EVIDENCE } from './dossier-evidence';
import { countFigure, type CriterionCalculator } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 7 (DVCTT có phát sinh hồ sơ): online services offered at the end of the span that
 * received at least one online dossier in the period, at this unit.
 */
export const criterion07OnlineServicesUsed: CriterionCalculator = {
  id: 7,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(
      ctx.activeProcedures,
      (p) => isOnlineAt(valueAt(p.onlineLevel, ctx.last, 'none')),
      (p) => ctx.dossiersOf(p.procedureCode).some((d) => DOSSIER_EVIDENCE[7](d, ctx.inSpan)),
    );
  },
};
