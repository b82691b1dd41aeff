import { DOSSIER_EVIDENCE } from './dossier-evidence';
import { type CriterionCalculator, countFigure } from './figures';
import { withFeeApplicability } from './payment-applicability';
import { scoringContext } from './scoring-context';

/**
 * Criterion 9 (TTHC có giao dịch thanh toán trực tuyến), target 80%: fee-bearing procedures with at
 * least one online payment (national portal or local gateway) made in the period.
 */
export const criterion09FeeProceduresPaidOnline: CriterionCalculator = {
  id: 9,
  compute(input) {
    const ctx = scoringContext(input);
    const f = countFigure(ctx.feeBearingProcedures, () => true, (p) =>
      ctx.dossiersOf(p.procedureCode).some((d) => DOSSIER_EVIDENCE[9](d, ctx.inSpan)),
    );
    return withFeeApplicability(ctx, 9, f);
  },
};
