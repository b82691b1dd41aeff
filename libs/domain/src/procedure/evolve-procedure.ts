import type { ProcedureEventUnion } from '../events/procedure-events';
import { withChange } from '../time/dated-value';
import { startOfLocalDate } from '../time/local-date';
import { emptyProcedure, type ProcedureFacts } from './procedure-facts';

/** evolve(state, event) → state for a procedure-at-authority stream. Pure. */
export function evolveProcedure(state: ProcedureFacts | undefined, event: ProcedureEventUnion): ProcedureFacts {
  const when = Date.parse(event.occurredAt);
  const base = state ?? emptyProcedure(event.unitCode, event.procedureCode, when);
  const s: ProcedureFacts = { ...base, firstSeenAt: Math.min(base.firstSeenAt, when) };
  switch (event.type) {
    case 'procedure.announced': {
      const { decisionCode, decisionDate, legalBasisEffectiveDate, name, resultIsDocument } = event.data;
      // A re-sent or corrected QĐCB replaces the one with the same decision code.
      const announcements = [...s.announcements.filter((a) => a.decisionCode !== decisionCode), { decisionCode, decisionDate, legalBasisEffectiveDate }]
        .sort((a, b) => (a.decisionDate === b.decisionDate ? a.decisionCode.localeCompare(b.decisionCode) : a.decisionDate < b.decisionDate ? -1 : 1));
      return {
        ...s,
        name: name ?? s.name,
        resultIsDocument: resultIsDocument ?? s.resultIsDocument,
        announcements,
        firstSeenAt: Math.min(s.firstSeenAt, startOfLocalDate(decisionDate)),
      };
    }
    case 'procedure.published': {
      const publication = event.data.decisionCode === undefined ? { at: when } : { at: when, decisionCode: event.data.decisionCode };
      return { ...s, publications: [...s.publications, publication].sort((a, b) => a.at - b.at) };
    }
    case 'procedure.content-assessed':
      return { ...s, parts: withChange(s.parts, when, [...event.data.presentParts]) };
    case 'procedure.online-service-set':
      return { ...s, onlineLevel: withChange(s.onlineLevel, when, event.data.level) };
    case 'procedure.fee-configured':
      return { ...s, feeBearing: withChange(s.feeBearing, when, event.data.feeBearing) };
    case 'procedure.payment-integrated':
      return { ...s, paymentIntegrated: withChange(s.paymentIntegrated, when, event.data.integrated) };
    case 'procedure.audience-set':
      return { ...s, citizenFacing: withChange(s.citizenFacing, when, event.data.citizenFacing) };
    case 'procedure.abolished':
      return { ...s, abolishedAt: when };
  }
}
