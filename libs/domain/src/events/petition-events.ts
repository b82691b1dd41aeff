import type { RatingLevel } from './dossier-events';
import type { EventEnvelope } from './envelope';

/** Citizen petitions (PAKN, criteria 19–21). The subject is `unitCode` + `petitionCode`. */
type PetitionEvent<T extends string, D> = EventEnvelope<T, D> & { readonly petitionCode: string };

/**
 * A deadline is either an instant (`dueAt`) or a number of working days from receipt
 * (`dueInWorkingDays`, counted on the rule set's holiday calendar); without either the rule set's
 * default applies.
 */
export interface PetitionDeadline {
  readonly dueAt?: string;
  readonly dueInWorkingDays?: number;
}

export type PetitionReceived = PetitionEvent<
  'petition.received',
  PetitionDeadline & {
    /** False when the petition falls outside the unit's competence (forwarded): it does not count. */
    readonly withinCompetence?: boolean;
    readonly topic?: string;
  }
>;
export type PetitionAnswered = PetitionEvent<'petition.answered', Record<string, never>>;
export type PetitionRated = PetitionEvent<'petition.rated', { readonly level: RatingLevel }>;
/** Reopened after an answer: pending again, with a new deadline (or the original allowance). */
export type PetitionReopened = PetitionEvent<'petition.reopened', PetitionDeadline>;

export type PetitionEventUnion = PetitionReceived | PetitionAnswered | PetitionRated | PetitionReopened;
