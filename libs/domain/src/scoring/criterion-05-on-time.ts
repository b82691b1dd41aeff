import { endOf } from '../dossier/dossier-facts';
import { isOnTime } from '../dossier/on-time';
import type { CriterionCalculator } from './figures';

/**
 * Criterion 5 (tiến độ giải quyết): dossiers received by the end of the period that finished in it
 * or were still pending at its end. On time = finished on/before due, or pending and not yet due.
 */
export const criterion05OnTime: CriterionCalculator = {
  id: 5,
  compute({ subjects, period, asOf, ruleSet }) {
    const evaluatedAt = Math.min(period.end, asOf);
    let numerator = 0;
    let denominator = 0;
    for (const d of subjects.dossiers) {
      if (d.receivedAt === undefined || d.receivedAt >= evaluatedAt) continue;
      const end = endOf(d);
      if (end !== undefined && end < period.start) continue;
      denominator += 1;
      if (isOnTime(d, evaluatedAt, ruleSet)) numerator += 1;
    }
    return { numerator, denominator };
  },
};
