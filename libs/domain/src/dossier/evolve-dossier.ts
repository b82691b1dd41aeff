import type { DossierStreamEvent, PaymentMethod } from '../events/dossier-events';
import { type DossierFacts, earliest, emptyDossier } from './dossier-facts';

const at = (iso: string): number => Date.parse(iso);

function withOnce<T>(list: readonly T[] | undefined, item: T): T[] {
  return list?.includes(item) ? [...list] : [...(list ?? []), item];
}

function insertSorted(list: readonly number[] | undefined, t: number): number[] {
  return [...(list ?? []), t].sort((a, b) => a - b);
}

const ONLINE: readonly PaymentMethod[] = ['national-portal', 'local-gateway'];

/** evolve(state, event) → state for a dossier stream. Pure; unknown fields are ignored. */
export function evolveDossier(state: DossierFacts | undefined, event: DossierStreamEvent): DossierFacts {
  const s = state ?? emptyDossier(event.unitCode, event.dossierCode);
  const when = at(event.occurredAt);
  switch (event.type) {
    case 'dossier.submitted':
      // Reception is the authoritative record of procedure and channel; submission only fills gaps.
      return {
        ...s,
        submittedAt: earliest(s.submittedAt, when),
        procedureCode: s.procedureCode ?? event.data.procedureCode,
        channel: s.receivedAt === undefined ? event.data.channel : s.channel,
      };
    case 'dossier.received':
      return {
        ...s,
        procedureCode: event.data.procedureCode,
        channel: event.data.channel,
        receivedAt: when,
        dueAt: at(event.data.dueAt),
      };
    case 'dossier.refused':
      return { ...s, refusedAt: earliest(s.refusedAt, when) };
    case 'dossier.processing-step': {
      const named = Boolean(event.data.handlerName?.trim()) && Boolean(event.data.handlerTitle?.trim());
      return {
        ...s,
        processingStartedAt: earliest(s.processingStartedAt, when),
        processingSteps: (s.processingSteps ?? 0) + 1,
        stepsWithoutHandler: (s.stepsWithoutHandler ?? 0) + (named ? 0 : 1),
      };
    }
    case 'dossier.supplement-requested':
      if (s.pauses.some((p) => p.to === undefined)) return { ...s, supplementRequests: s.supplementRequests + 1 };
      return { ...s, supplementRequests: s.supplementRequests + 1, pauses: [...s.pauses, { from: when }] };
    case 'dossier.supplement-supplied': {
      const pauses = s.pauses.map((p) => (p.to === undefined ? { from: p.from, to: Math.max(p.from, when) } : p));
      if (event.data.newDueAt === undefined) return { ...s, pauses };
      // A new due time from the one-stop system already accounts for the wait: it replaces the pauses.
      return { ...s, pauses: [], dueAt: at(event.data.newDueAt) };
    }
    case 'dossier.financial-obligation': {
      const amount = event.data.lines.reduce((sum, line) => sum + line.amount, 0);
      const fees = { ...(s.fees ?? {}), [event.data.obligationId ?? 'main']: amount };
      return { ...s, fees, feeDataAt: earliest(s.feeDataAt, when) };
    }
    case 'dossier.fee-paid': {
      const paymentMethods = withOnce(s.paymentMethods, event.data.method);
      if (ONLINE.includes(event.data.method)) {
        return { ...s, paymentMethods, onlinePaymentsAt: insertSorted(s.onlinePaymentsAt, when) };
      }
      return { ...s, paymentMethods, paidOfflineAt: earliest(s.paidOfflineAt, when) };
    }
    case 'dossier.processed':
      return { ...s, processedAt: when };
    case 'dossier.result-returned':
      return { ...s, returnedAt: when };
    case 'dossier.withdrawn':
      return { ...s, withdrawnAt: when };
    case 'dossier.stopped':
      return { ...s, stoppedAt: when };
    case 'dossier.components-digitised':
      return { ...s, digitisedAt: earliest(s.digitisedAt, when) };
    case 'dossier.components-reused':
      return { ...s, reusedAt: earliest(s.reusedAt, when) };
    case 'dossier.citizen-store-linked':
      return { ...s, citizenStoreAt: earliest(s.citizenStoreAt, when) };
    case 'dossier.e-result-issued':
      return { ...s, eResultAt: earliest(s.eResultAt, when) };
    case 'dossier.population-data-used':
      return {
        ...s,
        populationDataAt: earliest(s.populationDataAt, when),
        populationDataSources: withOnce(s.populationDataSources, event.data.source),
      };
    case 'dossier.synced':
      return { ...s, syncedAt: earliest(s.syncedAt, when) };
    case 'dossier.rated':
      // The latest rating stands: citizens may change their mind on the portal.
      if (s.rating && s.rating.at > when) return s;
      return { ...s, rating: { level: event.data.level, at: when } };
    case 'petition.linked-to-dossier':
      return {
        ...s,
        petitionCodes: withOnce(s.petitionCodes, event.petitionCode),
        petitionedAt: earliest(s.petitionedAt, when),
      };
  }
}
