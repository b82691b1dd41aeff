import { type CriterionCalculator, receivedIn } from './figures';

/** Criterion 8 (hồ sơ nộp trực tuyến): dossiers received online in the period / dossiers received. */
export const criterion08OnlineFiling: CriterionCalculator = {
  id: 8,
  compute({ subjects, period, asOf }) {
    let numerator = 0;
    let denominator = 0;
    for (const d of subjects.dossiers) {
      if (!receivedIn(d, period) || (d.receivedAt as number) >= asOf) continue;
      denominator += 1;
      if (d.channel === 'online') numerator += 1;
    }
    return { numerator, denominator };
  },
};
