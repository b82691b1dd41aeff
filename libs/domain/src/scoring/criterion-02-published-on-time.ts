import type { Announcement, ProcedureFacts, Publication } from '../procedure/procedure-facts';
import { endOfLocalDate, localDateOf, startOfLocalDate } from '../time/local-date';
import { addWorkingDays } from '../time/working-days';
import { type CriterionCalculator, figure } from './figures';
import { scoringContext } from './scoring-context';

/** The publication that answers an announcement: one naming its QĐCB, else the first after its date. */
export function publicationFor(p: ProcedureFacts, a: Announcement): Publication | undefined {
  const from = startOfLocalDate(a.decisionDate);
  return p.publications.find((pub) => (pub.decisionCode === undefined ? pub.at >= from : pub.decisionCode === a.decisionCode));
}

/**
 * Criterion 2 (TTHC được cập nhật, công khai đúng hạn): announcements whose publication deadline
 * (QĐCB date + 5 working days) falls in the period. On time when published on the national database
 * by the end of the deadline day, or not yet published and not yet due. Province level only: the
 * rule set marks the criterion N/A for other levels, yet the counts are kept so they pool upward.
 */
export const criterion02PublishedOnTime: CriterionCalculator = {
  id: 2,
  compute(input) {
    const ctx = scoringContext(input);
    const { calendar, deadlines } = input.ruleSet;
    let numerator = 0;
    let denominator = 0;
    for (const p of ctx.procedures) {
      for (const a of p.announcements) {
        if (startOfLocalDate(a.decisionDate) >= ctx.t) continue; // not announced yet at evaluation
        const deadline = addWorkingDays(a.decisionDate, deadlines.publicationWorkingDays, calendar);
        const deadlineStart = startOfLocalDate(deadline);
        if (deadlineStart < input.period.start || deadlineStart >= input.period.end) continue;
        denominator += 1;
        const pub = publicationFor(p, a);
        const onTime = pub !== undefined && pub.at < ctx.t ? localDateOf(pub.at) <= deadline : ctx.t <= endOfLocalDate(deadline);
        if (onTime) numerator += 1;
      }
    }
    return figure(numerator, denominator);
  },
};
