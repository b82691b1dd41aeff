import { valueAt } from '../time/dated-value';
import { DOSSIER_EVIDENCE } from './dossier-evidence';
import { type CriterionCalculator, countFigure } from './figures';
import { withFeeApplicability } from './payment-applicability';
import { scoringContext } from './scoring-context';

/**
 * Criterion 10 (TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến), target 80%:
 * fee-bearing procedures integrated for online payment. Evidence per rule set: a dossier of the
 * procedure carried fee data in the period (DOMAIN.md default), the catalogue's declaration, or either.
 */
export const criterion10PaymentIntegrated: CriterionCalculator = {
  id: 10,
  compute(input) {
    const ctx = scoringContext(input);
    const evidence = input.ruleSet.procedure.paymentIntegrationEvidence;
    const f = countFigure(ctx.feeBearingProcedures, () => true, (p) => {
      const fromDossiers = () => ctx.dossiersOf(p.procedureCode).some((d) => DOSSIER_EVIDENCE[10](d, ctx.inSpan));
      const declared = () => valueAt(p.paymentIntegrated, ctx.last, false);
      if (evidence === 'declared') return declared();
      if (evidence === 'either') return declared() || fromDossiers();
      return fromDossiers();
    });
    return withFeeApplicability(ctx, 10, f);
  },
};
