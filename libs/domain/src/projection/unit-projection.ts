import type { DomainEvent } from '../events';
import { subjectKindOf } from '../events/streams';
import { evolveUnit, type UnitStreamEvent } from '../units/evolve-unit';
import { type UnitFacts, unitStart } from '../units/unit-facts';
import type { SubjectProjection } from './subject-projection';

/** A unit's own subject (criterion 15): valid from registration until merged or dissolved. */
export const unitProjection: SubjectProjection<UnitFacts> = {
  kind: 'unit',
  handles: (e: DomainEvent) => subjectKindOf(e) === 'unit',
  keyOf: (e: DomainEvent) => e.unitCode,
  evolve: (s, e) => evolveUnit(s, e as UnitStreamEvent),
  unitOf: (s) => s.unitCode,
  windowOf: (s) => ({ from: unitStart(s), ...(s.endedAt === undefined ? {} : { to: s.endedAt }) }),
  touchedBy: (before, after, e) => {
    const at = Date.parse(e.occurredAt);
    const effective = 'effectiveFrom' in e.data && typeof e.data.effectiveFrom === 'string' ? Date.parse(`${e.data.effectiveFrom}T00:00:00+07:00`) : at;
    const from = Math.min(at, effective, before === undefined ? unitStart(after) : Number.POSITIVE_INFINITY);
    return { from };
  },
};
