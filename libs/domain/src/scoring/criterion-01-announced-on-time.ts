import { startOfLocalDate } from '../time/local-date';
import { addWorkingDays } from '../time/working-days';
import { type CriterionCalculator, figure } from './figures';
import { scoringContext } from './scoring-context';

/**
 * Criterion 1 (TTHC công bố đúng hạn): each procedure in a QĐCB dated in the period counts once;
 * it is on time when the QĐCB is dated at least N working days (5) before its legal basis takes
 * effect. A procedure in two QĐCBs of the same period counts twice: each announcement is a duty.
 */
export const criterion01AnnouncedOnTime: CriterionCalculator = {
  id: 1,
  compute(input) {
    const ctx = scoringContext(input);
    const { calendar, deadlines } = input.ruleSet;
    let numerator = 0;
    let denominator = 0;
    for (const p of ctx.procedures) {
      for (const a of p.announcements) {
        if (!ctx.inSpan(startOfLocalDate(a.decisionDate))) continue;
        denominator += 1;
        const latest = addWorkingDays(a.legalBasisEffectiveDate, -deadlines.announcementLeadWorkingDays, calendar);
        if (a.decisionDate <= latest) numerator += 1;
      }
    }
    return figure(numerator, denominator);
  },
};
