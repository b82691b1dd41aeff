import type { DomainEvent, PetitionEventUnion } from '../events';
import { subjectKindOf } from '../events/streams';
import { evolvePetition } from '../petition/evolve-petition';
import { type PetitionFacts, petitionSettledAt } from '../petition/petition-facts';
import type { SubjectProjection } from './subject-projection';

/** From first receipt until its last answer; open while a round is open. */
export const petitionProjection: SubjectProjection<PetitionFacts> = {
  kind: 'petition',
  handles: (e: DomainEvent) => subjectKindOf(e) === 'petition',
  keyOf: (e: DomainEvent) => `${e.unitCode}/${e.petitionCode as string}`,
  evolve: (s, e) => evolvePetition(s, e as PetitionEventUnion),
  unitOf: (s) => s.unitCode,
  windowOf: (s) => {
    if (s.receivedAt === undefined) return undefined;
    const settled = petitionSettledAt(s);
    return settled === undefined ? { from: s.receivedAt } : { from: s.receivedAt, to: Math.max(settled, s.receivedAt) };
  },
};
