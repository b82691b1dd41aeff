import type { CertifiedCopyEvent } from '../events/certified-copy-events';
import type { UnitEvent } from '../events/unit-events';
import { withChange } from '../time/dated-value';
import { startOfLocalDate } from '../time/local-date';
import { monthKeyOf } from '../time/periods';
import { emptyUnit, type UnitFacts } from './unit-facts';

export type UnitStreamEvent = UnitEvent | CertifiedCopyEvent;

/** An optional effective date (local), else the event's business time. */
function effective(date: string | undefined, occurredAt: number): number {
  return date === undefined ? occurredAt : startOfLocalDate(date);
}

/** evolve(state, event) → state for a unit stream. Pure. */
export function evolveUnit(state: UnitFacts | undefined, event: UnitStreamEvent): UnitFacts {
  const when = Date.parse(event.occurredAt);
  const base = state ?? emptyUnit(event.unitCode, when);
  const s: UnitFacts = { ...base, firstSeenAt: Math.min(base.firstSeenAt, when) };
  switch (event.type) {
    case 'unit.registered': {
      const from = effective(event.data.effectiveFrom, when);
      return {
        ...s,
        level: event.data.level,
        ...(event.data.parentCode === undefined ? {} : { parentCode: event.data.parentCode }),
        validFrom: from,
        names: withChange(s.names, from, event.data.name),
        ...(event.data.nationalCodes === undefined ? {} : { nationalCodes: [...event.data.nationalCodes] }),
      };
    }
    case 'unit.national-codes-set':
      return { ...s, nationalCodes: [...event.data.nationalCodes] };
    case 'unit.renamed':
      return { ...s, names: withChange(s.names, effective(event.data.effectiveFrom, when), event.data.name) };
    case 'unit.merged':
      return { ...s, endedAt: startOfLocalDate(event.data.effectiveFrom), endReason: 'merged', successorCode: event.data.successorCode };
    case 'unit.dissolved': {
      const { successorCode: _previous, ...rest } = s;
      return {
        ...rest,
        endedAt: startOfLocalDate(event.data.effectiveFrom),
        endReason: 'dissolved',
        ...(event.data.successorCode === undefined ? {} : { successorCode: event.data.successorCode }),
      };
    }
    case 'unit.certification-competence-set':
      return {
        ...s,
        certificationCompetent: withChange(s.certificationCompetent, effective(event.data.effectiveFrom, when), event.data.competent),
      };
    case 'certified-copy.issued': {
      const month = monthKeyOf(when);
      const previous = s.eCopies?.[month];
      const count = (previous?.count ?? 0) + (event.data.count ?? 1);
      const first = previous === undefined ? when : Math.min(previous.first, when);
      return { ...s, eCopies: { ...(s.eCopies ?? {}), [month]: { count, first } } };
    }
  }
}
