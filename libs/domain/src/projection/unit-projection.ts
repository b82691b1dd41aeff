import type { DomainEvent } from '../events';
import { subjectKindOf } from '../events/streams';
import { evolveUnit, type UnitStreamEvent } from '../units/evolve-unit';
import { type UnitFacts, unitStart } from '../units/unit-facts';
import type { SubjectProjection } from './subject-projection';

/**
 * Whether the unit's own subject can count in any figure: only criterion 15 reads it, and only
 * for a unit that was ever competent to certify copies or has issued some.
 */
const countsForCriterion15 = (s: UnitFacts): boolean => (s.certificationCompetent?.length ?? 0) > 0 || s.eCopies !== undefined;

/**
 * A unit's own subject (criterion 15): valid from registration until merged or dissolved. A unit
 * with no criterion-15 facts has no window: it is in no period's subjects and its registration,
 * renaming or merging touches no period — so registering the country's ~15,000 units costs no
 * recompute of every unit-month since 2022 (the tree itself is read from these rows all the same).
 */
export const unitProjection: SubjectProjection<UnitFacts> = {
  kind: 'unit',
  handles: (e: DomainEvent) => subjectKindOf(e) === 'unit',
  keyOf: (e: DomainEvent) => e.unitCode,
  evolve: (s, e) => evolveUnit(s, e as UnitStreamEvent),
  unitOf: (s) => s.unitCode,
  windowOf: (s) => (countsForCriterion15(s) ? { from: unitStart(s), ...(s.endedAt === undefined ? {} : { to: s.endedAt }) } : undefined),
  touchedBy: (before, after, e) => {
    const at = Date.parse(e.occurredAt);
    const effective = 'effectiveFrom' in e.data && typeof e.data.effectiveFrom === 'string' ? Date.parse(`${e.data.effectiveFrom}T00:00:00+07:00`) : at;
    const from = Math.min(at, effective, before === undefined ? unitStart(after) : Number.POSITIVE_INFINITY);
    return { from };
  },
};
