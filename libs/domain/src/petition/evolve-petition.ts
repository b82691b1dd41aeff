import type { RatingLevel } from '../events/dossier-events';
import type { PetitionDeadline, PetitionEventUnion } from '../events/petition-events';
import { emptyPetition, type PetitionFacts, type PetitionRound, type PetitionStep } from './petition-facts';

function deadlineOf(d: PetitionDeadline): Pick<PetitionStep, 'dueAt' | 'dueInWorkingDays'> {
  return {
    ...(d.dueAt === undefined ? {} : { dueAt: Date.parse(d.dueAt) }),
    ...(d.dueInWorkingDays === undefined ? {} : { dueInWorkingDays: d.dueInWorkingDays }),
  };
}

/** At one instant a receipt comes first, then an answer (closing the round open before), then a reopening. */
const ORDER: Readonly<Record<PetitionStep['kind'], number>> = { received: 0, answered: 1, reopened: 2 };
const stepKey = (s: PetitionStep): string => JSON.stringify([s.dueAt ?? null, s.dueInWorkingDays ?? null, s.withinCompetence ?? null]);
const byTime = (a: PetitionStep, b: PetitionStep): number => a.at - b.at || ORDER[a.kind] - ORDER[b.kind] || stepKey(a).localeCompare(stepKey(b));

/** Steps of facts folded by an older version, which kept only the rounds: they say the same. */
function stepsOf(s: PetitionFacts): PetitionStep[] {
  if (s.steps) return [...s.steps];
  return s.rounds.flatMap((r, i) => [
    { at: r.openedAt, kind: i === 0 ? 'received' : 'reopened', ...(r.dueAt === undefined ? {} : { dueAt: r.dueAt }), ...(r.dueInWorkingDays === undefined ? {} : { dueInWorkingDays: r.dueInWorkingDays }), ...(i === 0 ? { withinCompetence: s.withinCompetence } : {}) } as PetitionStep,
    ...(r.answeredAt === undefined ? [] : [{ at: r.answeredAt, kind: 'answered' } as PetitionStep]),
  ]);
}

/**
 * The rounds, replayed in business-time order: the first receipt opens round 1 (a re-sent receipt
 * changes nothing), an answer closes the open round (an answer with nothing open is a re-send,
 * unless nothing was received yet: then it is a round of its own), a reopening opens a round with
 * its own deadline or the first round's working-day allowance.
 */
function replay(steps: readonly PetitionStep[]): Pick<PetitionFacts, 'receivedAt' | 'withinCompetence' | 'rounds'> {
  let rounds: PetitionRound[] = [];
  let receivedAt: number | undefined;
  let withinCompetence = true;
  for (const step of steps) {
    if (step.kind === 'received') {
      if (receivedAt !== undefined) continue;
      receivedAt = step.at;
      withinCompetence = step.withinCompetence ?? true;
      const { dueAt, dueInWorkingDays } = step;
      rounds = [{ ...(rounds[0] ?? {}), openedAt: step.at, ...(dueAt === undefined ? {} : { dueAt }), ...(dueInWorkingDays === undefined ? {} : { dueInWorkingDays }) }, ...rounds.slice(1)];
    } else if (step.kind === 'answered') {
      const open = rounds.findIndex((r) => r.answeredAt === undefined);
      if (open >= 0) rounds = rounds.map((r, i) => (i === open ? { ...r, answeredAt: step.at } : r));
      else if (rounds.length === 0) rounds = [{ openedAt: step.at, answeredAt: step.at }];
    } else {
      const own = step.dueAt !== undefined || step.dueInWorkingDays !== undefined;
      const inherited = !own && rounds[0]?.dueInWorkingDays !== undefined ? { dueInWorkingDays: rounds[0].dueInWorkingDays } : {};
      rounds = [...rounds, { openedAt: step.at, ...(step.dueAt === undefined ? {} : { dueAt: step.dueAt }), ...(step.dueInWorkingDays === undefined ? {} : { dueInWorkingDays: step.dueInWorkingDays }), ...inherited }];
    }
  }
  return { ...(receivedAt === undefined ? {} : { receivedAt }), withinCompetence, rounds };
}

const RANK: Readonly<Record<RatingLevel, number>> = { unsatisfied: 0, satisfied: 1, 'very-satisfied': 2 };

/**
 * evolve(state, event) → state for a petition stream. Pure, and independent of the order the
 * stream's events are folded in: the rounds are replayed from the steps in business-time order.
 */
export function evolvePetition(state: PetitionFacts | undefined, event: PetitionEventUnion): PetitionFacts {
  const s = state ?? emptyPetition(event.unitCode, event.petitionCode);
  const when = Date.parse(event.occurredAt);
  if (event.type === 'petition.rated') {
    // The latest rating stands; two at the same instant: the lower one.
    if (s.rating && (s.rating.at > when || (s.rating.at === when && RANK[s.rating.level] <= RANK[event.data.level]))) return s;
    return { ...s, rating: { level: event.data.level, at: when } };
  }
  const step: PetitionStep =
    event.type === 'petition.received'
      ? { at: when, kind: 'received', ...deadlineOf(event.data), withinCompetence: event.data.withinCompetence ?? true }
      : event.type === 'petition.reopened'
        ? { at: when, kind: 'reopened', ...deadlineOf(event.data) }
        : { at: when, kind: 'answered' };
  const steps = [...stepsOf(s), step].sort(byTime);
  const { receivedAt: _old, ...rest } = s;
  return { ...rest, ...replay(steps), steps };
}
