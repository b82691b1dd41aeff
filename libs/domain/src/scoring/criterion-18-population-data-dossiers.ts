import { type CriterionCalculator, countFigure } from './figures';
import { scoringContext } from './scoring-context';

/** Criterion 18 (hồ sơ TTHC có sử dụng dữ liệu dân cư): received dossiers that used population data. */
export const criterion18PopulationDataDossiers: CriterionCalculator = {
  id: 18,
  compute(input) {
    const ctx = scoringContext(input);
    return countFigure(ctx.received, () => true, (d) => d.populationDataAt !== undefined);
  },
};
