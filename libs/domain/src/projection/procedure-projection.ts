import type { DomainEvent, ProcedureEventUnion } from '../events';
import { subjectKindOf } from '../events/streams';
import { evolveProcedure } from '../procedure/evolve-procedure';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import { startOfLocalDate } from '../time/local-date';

import type { SubjectProjection } from './subject-projection';

/** A procedure counts from when it is first known at the unit until it leaves the unit's authority. */
export const procedureProjection: SubjectProjection<ProcedureFacts> = {
  kind: 'procedure',
  handles: (e: DomainEvent) => subjectKindOf(e) === 'procedure',
  keyOf: (e: DomainEvent) => `${e.unitCode}/${e.procedureCode as string}`,
  evolve: (s, e) => evolveProcedure(s, e as ProcedureEventUnion),
  unitOf: (s) => s.unitCode,
  windowOf: (s) => ({ from: s.firstSeenAt, ...(s.abolishedAt === undefined ? {} : { to: s.abolishedAt }) }),
  touchedBy: (_before, after, e) => {
    // Point-in-time attributes change periods from the event on; a QĐCB also reaches back to its date.
    const at = Date.parse(e.occurredAt);
    const from = e.type === 'procedure.announced' ? Math.min(at, startOfLocalDate(e.data.decisionDate)) : at;
    return { from: Math.max(after.firstSeenAt, Math.min(from, at)), ...(after.abolishedAt === undefined ? {} : { to: Math.max(after.abolishedAt, at) }) };
  },
};
