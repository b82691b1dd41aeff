import { paidOnline } from '../dossier/dossier-facts';
import { type CriterionCalculator, countFigure } from './figures';
import { withFeeApplicability } from './payment-applicability';
import { scoringContext } from './scoring-context';

/**
 * Criterion 11 (hồ sơ thanh toán trực tuyến): dossiers with a non-zero fee whose processing started
 * in the period (first processing record, else reception), paid online on the national portal or
 * the local gateway.
 */
export const criterion11DossiersPaidOnline: CriterionCalculator = {
  id: 11,
  compute(input) {
    const ctx = scoringContext(input);
    return withFeeApplicability(ctx, 11, countFigure(ctx.feeDossiers, () => true, paidOnline));
  },
};
