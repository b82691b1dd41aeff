import { earliest } from '../dossier/dossier-facts';
import type { PetitionDeadline, PetitionEventUnion } from '../events/petition-events';
import { emptyPetition, type PetitionFacts, type PetitionRound } from './petition-facts';

function deadlineOf(d: PetitionDeadline): Pick<PetitionRound, 'dueAt' | 'dueInWorkingDays'> {
  return {
    ...(d.dueAt === undefined ? {} : { dueAt: Date.parse(d.dueAt) }),
    ...(d.dueInWorkingDays === undefined ? {} : { dueInWorkingDays: d.dueInWorkingDays }),
  };
}

/** evolve(state, event) → state for a petition stream. Pure. */
export function evolvePetition(state: PetitionFacts | undefined, event: PetitionEventUnion): PetitionFacts {
  const s = state ?? emptyPetition(event.unitCode, event.petitionCode);
  const when = Date.parse(event.occurredAt);
  switch (event.type) {
    case 'petition.received': {
      const first: PetitionRound = { ...(s.rounds[0] ?? {}), openedAt: when, ...deadlineOf(event.data) };
      return {
        ...s,
        receivedAt: earliest(s.receivedAt, when),
        withinCompetence: event.data.withinCompetence ?? true,
        rounds: [first, ...s.rounds.slice(1)],
      };
    }
    case 'petition.answered': {
      const open = s.rounds.findIndex((r) => r.answeredAt === undefined);
      if (open < 0) {
        // An answer with no open round (re-sent, or ahead of its receipt): keep it as a round of its own.
        if (s.rounds.length > 0) return s;
        return { ...s, rounds: [{ openedAt: when, answeredAt: when }] };
      }
      return { ...s, rounds: s.rounds.map((r, i) => (i === open ? { ...r, answeredAt: when } : r)) };
    }
    case 'petition.reopened': {
      // Without a new deadline the reopened round gets the original working-day allowance.
      const own = deadlineOf(event.data);
      const inherited = own.dueAt === undefined && own.dueInWorkingDays === undefined && s.rounds[0]?.dueInWorkingDays !== undefined
        ? { dueInWorkingDays: s.rounds[0].dueInWorkingDays }
        : {};
      return { ...s, rounds: [...s.rounds, { openedAt: when, ...own, ...inherited }] };
    }
    case 'petition.rated':
      if (s.rating && s.rating.at > when) return s;
      return { ...s, rating: { level: event.data.level, at: when } };
  }
}
