import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/** Criterion 14 (khai thác, sử dụng lại dữ liệu số hóa), target 80%: received dossiers re-using ≥ 1 digitised component. */
export const criterion14Reused: CriterionCalculator = {
  id: 14,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.received, () => true, (d) => d.reusedAt !== undefined);
  },
};
