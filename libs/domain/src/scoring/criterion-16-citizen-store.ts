import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 16 (hồ sơ số hóa kết nối với kho dữ liệu cá nhân): received dossiers that took a
 * component from, or pushed one to, the citizen's data store on the national portal.
 */
export const criterion16CitizenStore: CriterionCalculator = {
  id: 16,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.received, () => true, (d) => d.citizenStoreAt !== undefined);
  },
};
