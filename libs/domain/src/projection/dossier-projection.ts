import { completedAt, type DossierFacts, endOf } from '../dossier/dossier-facts';
import { evolveDossier } from '../dossier/evolve-dossier';
import type { DomainEvent, DossierStreamEvent } from '../events';
import { subjectKindOf } from '../events/streams';
import type { ActiveWindow, SubjectProjection } from './subject-projection';

/**
 * From reception until the last instant any criterion selects the dossier by: its end, its
 * completion, processing start, fee data, an online payment (which may follow the result) or its
 * sync to the national portal (criterion 4's fallback numerator counts syncs in the period).
 * Open while the dossier is pending: criterion 5 counts it in every period until it ends.
 */
export function dossierWindow(s: DossierFacts): ActiveWindow | undefined {
  if (s.receivedAt === undefined) return undefined;
  const end = endOf(s);
  if (end === undefined) return { from: s.receivedAt };
  const instants = [end, completedAt(s), s.processingStartedAt, s.feeDataAt, s.syncedAt, ...(s.onlinePaymentsAt ?? [])];
  return { from: s.receivedAt, to: Math.max(...instants.filter((x): x is number => x !== undefined)) };
}

export const dossierProjection: SubjectProjection<DossierFacts> = {
  kind: 'dossier',
  handles: (e: DomainEvent) => subjectKindOf(e) === 'dossier',
  keyOf: (e: DomainEvent) => `${e.unitCode}/${e.dossierCode as string}`,
  evolve: (s, e) => evolveDossier(s, e as DossierStreamEvent),
  unitOf: (s) => s.unitCode,
  windowOf: dossierWindow,
};
