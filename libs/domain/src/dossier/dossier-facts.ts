import type { Channel, PaymentMethod, PopulationDataSource, RatingLevel } from '../events/dossier-events';

/** A supplement wait: the clock stops from `from` until `to` (open while `to` is undefined). */
export interface SupplementPause {
  readonly from: number;
  readonly to?: number;
}

/** A supplement arrived; the one-stop system may send a new due time with it. */
export interface SupplementSupplied {
  readonly at: number;
  readonly newDueAt?: number;
}

export interface Rating {
  readonly level: RatingLevel;
  readonly at: number;
}

/**
 * Everything the criteria need to know about one dossier, folded from its stream.
 * Plain JSON (instants as epoch ms) so a projection can store it as it is. Fields added after the
 * first version are optional, so facts stored by an older fold still read correctly.
 * "First" instants keep the earliest occurrence, so a re-sent or late fact never moves them later.
 *
 * The fold does not depend on the order events were recorded in (ISSUE 9): "first" instants keep the
 * earliest, the reception and the ends keep the latest (a source corrects them by sending them
 * again), lists are kept sorted, and what depends on the order things happened in business time
 * (supplement waits, a new due time) is kept as raw instants and replayed in time order when the
 * clock is read (see on-time.ts), so a supplement recorded before its request still closes it.
 */
export interface DossierFacts {
  readonly kind: 'dossier';
  readonly dossierCode: string;
  readonly unitCode: string;
  readonly procedureCode?: string;
  readonly channel: Channel;
  readonly submittedAt?: number;
  readonly receivedAt?: number;
  /**
   * Due time set at reception (the `received` with the latest business time). Facts folded before supplement instants were
   * kept (no `supplementRequestedAt`) hold the due time as last set, new due times included.
   */
  readonly dueAt?: number;
  /** Supplement waits over the whole history, derived from the instants below (kept for readers of old facts). */
  readonly pauses: readonly SupplementPause[];
  /** Supplement requests over the whole history; the on-time rule counts only those up to its instant. */
  readonly supplementRequests: number;
  /** Instants of supplement requests, ascending. Absent in facts folded by an older version. */
  readonly supplementRequestedAt?: readonly number[];
  /** Supplements received, ascending by instant. Absent in facts folded by an older version. */
  readonly supplementsSupplied?: readonly SupplementSupplied[];
  readonly refusedAt?: number;
  /** First processing record (criterion 11 selects by processing start). */
  readonly processingStartedAt?: number;
  readonly processingSteps?: number;
  /** Processing records without the handler's name or title (configurably late). */
  readonly stepsWithoutHandler?: number;
  readonly processedAt?: number;
  readonly returnedAt?: number;
  readonly withdrawnAt?: number;
  readonly stoppedAt?: number;
  /** Amount (VND) per financial obligation id. */
  readonly fees?: Readonly<Record<string, number>>;
  /** When each obligation's amount was set: a repeated id replaces only from a later instant. */
  readonly feesSetAt?: Readonly<Record<string, number>>;
  /** First time the dossier carried fee data (criterion 10). */
  readonly feeDataAt?: number;
  /** Instants of online payments (national portal or local gateway), ascending (criteria 9, 11). */
  readonly onlinePaymentsAt?: readonly number[];
  readonly paymentMethods?: readonly PaymentMethod[];
  readonly paidOfflineAt?: number;
  readonly digitisedAt?: number;
  readonly reusedAt?: number;
  readonly citizenStoreAt?: number;
  readonly eResultAt?: number;
  readonly populationDataAt?: number;
  readonly populationDataSources?: readonly PopulationDataSource[];
  readonly syncedAt?: number;
  /** The citizen's latest rating. */
  readonly rating?: Rating;
  /** Petitions (PAKN) filed about this dossier (criterion 21). */
  readonly petitionCodes?: readonly string[];
  readonly petitionedAt?: number;
}

export function emptyDossier(unitCode: string, dossierCode: string): DossierFacts {
  return { kind: 'dossier', dossierCode, unitCode, channel: 'in-person', pauses: [], supplementRequests: 0 };
}

/** When the dossier's handling ended: processing finished, else result returned, else stopped or withdrawn. */
export function endOf(d: DossierFacts): number | undefined {
  return d.processedAt ?? d.returnedAt ?? earliest(d.stoppedAt, d.withdrawnAt);
}

/** When the dossier was completed with a result (processed, else result returned). */
export function completedAt(d: DossierFacts): number | undefined {
  return d.processedAt ?? d.returnedAt;
}

/** Processing start for criterion 11: the first processing record, else reception. */
export function processingStartOf(d: DossierFacts): number | undefined {
  return d.processingStartedAt ?? d.receivedAt;
}

export function feeTotalOf(d: DossierFacts): number {
  return d.fees ? Object.values(d.fees).reduce((sum, amount) => sum + amount, 0) : 0;
}

export function paidOnline(d: DossierFacts): boolean {
  return (d.onlinePaymentsAt?.length ?? 0) > 0;
}

export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
