import type { Rating } from '../dossier/dossier-facts';

/**
 * One handling round of a petition: the first opens at receipt, each reopening adds one.
 * The deadline is an instant or a working-day allowance resolved with the rule set's calendar.
 */
export interface PetitionRound {
  readonly openedAt: number;
  readonly dueAt?: number;
  readonly dueInWorkingDays?: number;
  readonly answeredAt?: number;
}

/**
 * A receipt, answer or reopening as it happened, kept so that the rounds can be replayed in
 * business-time order whatever order the events were recorded in.
 */
export interface PetitionStep {
  readonly at: number;
  readonly kind: 'received' | 'answered' | 'reopened';
  readonly dueAt?: number;
  readonly dueInWorkingDays?: number;
  readonly withinCompetence?: boolean;
}

/** A citizen petition (PAKN) at a unit, folded from its stream. Plain JSON. */
export interface PetitionFacts {
  readonly kind: 'petition';
  readonly unitCode: string;
  readonly petitionCode: string;
  /** First receipt: petitions are selected into periods by it (DOMAIN.md §5). */
  readonly receivedAt?: number;
  readonly withinCompetence: boolean;
  readonly rounds: readonly PetitionRound[];
  readonly rating?: Rating;
  /** Receipts, answers and reopenings in business-time order (absent in facts folded by an older version). */
  readonly steps?: readonly PetitionStep[];
}

export function emptyPetition(unitCode: string, petitionCode: string): PetitionFacts {
  return { kind: 'petition', unitCode, petitionCode, withinCompetence: true, rounds: [] };
}

/** The last instant anything happened to the petition, or undefined while a round is open. */
export function petitionSettledAt(p: PetitionFacts): number | undefined {
  if (p.rounds.length === 0 || p.rounds.some((r) => r.answeredAt === undefined)) return undefined;
  return Math.max(...p.rounds.map((r) => r.answeredAt as number));
}
