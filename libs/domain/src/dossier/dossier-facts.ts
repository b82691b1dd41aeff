import type { Channel } from '../events/dossier-events';

/** A supplement wait: the clock stops from `from` until `to` (open while `to` is undefined). */
export interface SupplementPause {
  readonly from: number;
  readonly to?: number;
}

/**
 * Everything the criteria need to know about one dossier, folded from its stream.
 * Plain JSON (instants as epoch ms) so a projection can store it as it is.
 */
export interface DossierFacts {
  readonly kind: 'dossier';
  readonly dossierCode: string;
  readonly unitCode: string;
  readonly procedureCode?: string;
  readonly channel: Channel;
  readonly receivedAt?: number;
  /** Due time as last set by the one-stop system (before supplement pauses are added). */
  readonly dueAt?: number;
  readonly pauses: readonly SupplementPause[];
  readonly supplementRequests: number;
  readonly processedAt?: number;
  readonly returnedAt?: number;
  readonly withdrawnAt?: number;
}

export function emptyDossier(unitCode: string, dossierCode: string): DossierFacts {
  return { kind: 'dossier', dossierCode, unitCode, channel: 'in-person', pauses: [], supplementRequests: 0 };
}

/** When the dossier's handling ended: processing finished, else result returned, else withdrawn. */
export function endOf(d: DossierFacts): number | undefined {
  return d.processedAt ?? d.returnedAt ?? d.withdrawnAt;
}
