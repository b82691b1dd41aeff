import type { EventEnvelope } from './envelope';

/** Submission channel, national codes 1 in person, 2 online, 3 public postal service. */
export type Channel = 'in-person' | 'online' | 'postal';

/** Where a fee was paid: online on the national portal or the province's gateway (both count), or offline. */
export type PaymentMethod = 'national-portal' | 'local-gateway' | 'offline';

/** Citizen rating on the national portal's three-level scale. */
export type RatingLevel = 'very-satisfied' | 'satisfied' | 'unsatisfied';

/** What a financial obligation line is for; only the amount matters to the index. */
export type FeeKind = 'fee' | 'charge' | 'tax' | 'other';

export interface FeeLine {
  readonly kind: FeeKind;
  /** Amount in VND (đồng), ≥ 0. */
  readonly amount: number;
  readonly description?: string;
}

/** Population data source (criteria 17, 18): the national population database or VNeID. */
export type PopulationDataSource = 'population-db' | 'vneid';

type DossierEvent<T extends string, D> = EventEnvelope<T, D> & { readonly dossierCode: string };
type Empty = Record<string, never>;

/** Status 1: the citizen submitted the dossier (not yet received by the one-stop desk). */
export type DossierSubmitted = DossierEvent<'dossier.submitted', { readonly procedureCode: string; readonly channel: Channel }>;
/** Status 2: received; the one-stop system sets the due time. */
export type DossierReceived = DossierEvent<
  'dossier.received',
  { readonly procedureCode: string; readonly channel: Channel; readonly dueAt: string }
>;
/** Status 3: not received (refused at the desk); it never counts as received. */
export type DossierRefused = DossierEvent<'dossier.refused', { readonly reason?: string }>;
/** Status 4: a processing record; some provinces require the handler's name and title. */
export type DossierProcessingStep = DossierEvent<
  'dossier.processing-step',
  { readonly step?: string; readonly handlerName?: string; readonly handlerTitle?: string }
>;
export type DossierSupplementRequested = DossierEvent<'dossier.supplement-requested', { readonly reason?: string }>;
/**
 * The citizen supplied the supplement (schema version 2, what folds read). The one-stop system may
 * revise the deadline: the new due time, and optionally by how many working days it was extended.
 */
export type DossierSupplementSupplied = DossierEvent<
  'dossier.supplement-supplied',
  { readonly revisedDeadline?: { readonly dueAt: string; readonly extendedByWorkingDays?: number } }
>;
/** Schema version 1 of the same event (a flat `newDueAt`): still accepted, upcast to version 2 (upcasters.ts). */
export type DossierSupplementSuppliedV1 = DossierEvent<'dossier.supplement-supplied', { readonly newDueAt?: string }>;
/** Status 6: a financial obligation was set; several obligations add up, a repeated id replaces. */
export type DossierFinancialObligation = DossierEvent<
  'dossier.financial-obligation',
  { readonly obligationId?: string; readonly lines: readonly FeeLine[] }
>;
export type DossierFeePaid = DossierEvent<
  'dossier.fee-paid',
  { readonly method: PaymentMethod; readonly amount?: number; readonly obligationId?: string; readonly transactionRef?: string }
>;
export type DossierWithdrawn = DossierEvent<'dossier.withdrawn', { readonly reason?: string }>;
/** Status 8: processing stopped by the authority. */
export type DossierStopped = DossierEvent<'dossier.stopped', { readonly reason?: string }>;
export type DossierProcessed = DossierEvent<'dossier.processed', Empty>;
export type DossierResultReturned = DossierEvent<'dossier.result-returned', Empty>;
export type DossierComponentsDigitised = DossierEvent<'dossier.components-digitised', { readonly components?: number }>;
export type DossierComponentsReused = DossierEvent<'dossier.components-reused', { readonly components?: number }>;
/** A component was taken from, or pushed to, the citizen's personal data store on the national portal. */
export type DossierCitizenStoreLinked = DossierEvent<
  'dossier.citizen-store-linked',
  { readonly direction: 'taken-from' | 'pushed-to'; readonly components?: number }
>;
export type DossierEResultIssued = DossierEvent<'dossier.e-result-issued', { readonly resultCode?: string }>;
export type DossierPopulationDataUsed = DossierEvent<'dossier.population-data-used', { readonly source: PopulationDataSource }>;
export type DossierSynced = DossierEvent<'dossier.synced', Empty>;
export type DossierRated = DossierEvent<'dossier.rated', { readonly level: RatingLevel }>;

/**
 * A citizen petition (PAKN) concerns this dossier (criterion 21). It carries both the dossier and
 * the petition code and lives in the dossier's stream, because it changes the dossier's figures.
 */
export type PetitionLinkedToDossier = EventEnvelope<
  'petition.linked-to-dossier',
  { readonly petitionUnitCode?: string }
> & { readonly dossierCode: string; readonly petitionCode: string };

export type DossierLifecycleEvent =
  | DossierSubmitted
  | DossierReceived
  | DossierRefused
  | DossierProcessingStep
  | DossierSupplementRequested
  | DossierSupplementSupplied
  | DossierFinancialObligation
  | DossierFeePaid
  | DossierWithdrawn
  | DossierStopped
  | DossierProcessed
  | DossierResultReturned
  | DossierComponentsDigitised
  | DossierComponentsReused
  | DossierCitizenStoreLinked
  | DossierEResultIssued
  | DossierPopulationDataUsed
  | DossierSynced
  | DossierRated;

/** Every event folded into a dossier's facts. */
export type DossierStreamEvent = DossierLifecycleEvent | PetitionLinkedToDossier;
