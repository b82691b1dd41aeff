import type { Channel, PaymentMethod, PopulationDataSource, RatingLevel } from '../events/dossier-events';

/** A supplement wait: the clock stops from `from` until `to` (open while `to` is undefined). */
export interface SupplementPause {
  readonly from: number;
  readonly to?: number;
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
 */
export interface DossierFacts {
  readonly kind: 'dossier';
  readonly dossierCode: string;
  readonly unitCode: string;
  readonly procedureCode?: string;
  readonly channel: Channel;
  readonly submittedAt?: number;
  readonly receivedAt?: number;
  /** Due time as last set by the one-stop system (before supplement pauses are added). */
  readonly dueAt?: number;
  readonly pauses: readonly SupplementPause[];
  readonly supplementRequests: number;
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
