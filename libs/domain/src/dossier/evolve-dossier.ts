import type { DossierStreamEvent, PaymentMethod, RatingLevel } from '../events/dossier-events';
import { type DossierFacts, earliest, emptyDossier, type SupplementSupplied } from './dossier-facts';
import { supplementPauses } from './on-time';

const at = (iso: string): number => Date.parse(iso);

/** A set kept as a sorted list, so the facts do not depend on the order items arrived in. */
function withOnce<T extends string>(list: readonly T[] | undefined, item: T): T[] {
  return list?.includes(item) ? [...list] : [...(list ?? []), item].sort();
}

/** Whether `candidate` (instant, tie-break key) goes before `current`: the earliest wins, ties by key. */
function earlier(candidate: number, candidateKey: string, current: number | undefined, currentKey: string): boolean {
  return current === undefined || candidate < current || (candidate === current && candidateKey < currentKey);
}

/** Whether `candidate` replaces `current` as the latest record of a fact (a source's correction), ties by key. */
function later(candidate: number, candidateKey: string, current: number | undefined, currentKey: string): boolean {
  return current === undefined || candidate > current || (candidate === current && candidateKey > currentKey);
}

function latest(a: number | undefined, b: number): number {
  return a === undefined ? b : Math.max(a, b);
}

/** Re-derives the supplement waits from the instants, whatever order they were recorded in. */
function withSupplements(s: DossierFacts, requested: readonly number[], supplied: readonly SupplementSupplied[]): DossierFacts {
  return {
    ...s,
    supplementRequestedAt: requested,
    supplementsSupplied: supplied,
    supplementRequests: requested.length,
    pauses: supplementPauses(requested, supplied),
  };
}

/**
 * Supplement instants of facts folded by an older version, which kept only waits and a count: the
 * waits' bounds, plus requests that came while the clock was already stopped at the last wait's start.
 * A rebuild of the projection (tools/rebuild) re-folds from the events and makes this exact.
 */
function supplementsOf(s: DossierFacts): { requested: number[]; supplied: SupplementSupplied[] } {
  if (s.supplementRequestedAt !== undefined) return { requested: [...s.supplementRequestedAt], supplied: [...(s.supplementsSupplied ?? [])] };
  const requested = s.pauses.map((p) => p.from);
  const extra = Math.max(0, s.supplementRequests - requested.length);
  const lastFrom = requested[requested.length - 1] ?? s.receivedAt ?? 0;
  for (let i = 0; i < extra; i += 1) requested.push(lastFrom);
  const supplied = s.pauses.flatMap((p) => (p.to === undefined ? [] : [{ at: p.to }]));
  return { requested, supplied };
}

function insertSorted(list: readonly number[] | undefined, t: number): number[] {
  return [...(list ?? []), t].sort((a, b) => a - b);
}

const RANK: Readonly<Record<RatingLevel, number>> = { unsatisfied: 0, satisfied: 1, 'very-satisfied': 2 };

const ONLINE: readonly PaymentMethod[] = ['national-portal', 'local-gateway'];

/**
 * evolve(state, event) → state for a dossier stream. Pure; unknown fields are ignored. The result
 * does not depend on the order the stream's events are folded in (see DossierFacts).
 */
export function evolveDossier(state: DossierFacts | undefined, event: DossierStreamEvent): DossierFacts {
  const s = state ?? emptyDossier(event.unitCode, event.dossierCode);
  const when = at(event.occurredAt);
  switch (event.type) {
    case 'dossier.submitted': {
      // Reception is the authoritative record of procedure and channel; the earliest submission fills gaps.
      const key = `${event.data.procedureCode}/${event.data.channel}`;
      if (!earlier(when, key, s.submittedAt, `${s.procedureCode}/${s.channel}`)) return s;
      if (s.receivedAt !== undefined) return { ...s, submittedAt: when };
      return { ...s, submittedAt: when, procedureCode: event.data.procedureCode, channel: event.data.channel };
    }
    case 'dossier.received': {
      // The reception with the latest business time stands: a source corrects a reception by sending
      // it again (e.g. March → April). Recorded earlier or later, the same one wins; and the due time
      // it sets is only the start of the clock: new due times sent with supplements still apply after it.
      const dueAt = at(event.data.dueAt);
      const key = `${dueAt}/${event.data.procedureCode}/${event.data.channel}`;
      if (!later(when, key, s.receivedAt, `${s.dueAt}/${s.procedureCode}/${s.channel}`)) return s;
      return { ...s, procedureCode: event.data.procedureCode, channel: event.data.channel, receivedAt: when, dueAt };
    }
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
    case 'dossier.supplement-requested': {
      const { requested, supplied } = supplementsOf(s);
      return withSupplements(s, insertSorted(requested, when), supplied);
    }
    case 'dossier.supplement-supplied': {
      const { requested, supplied } = supplementsOf(s);
      const revised = event.data.revisedDeadline?.dueAt;
      const arrival: SupplementSupplied = revised === undefined ? { at: when } : { at: when, newDueAt: at(revised) };
      const all = [...supplied, arrival].sort((a, b) => a.at - b.at || (a.newDueAt ?? 0) - (b.newDueAt ?? 0));
      return withSupplements(s, requested, all);
    }
    case 'dossier.financial-obligation': {
      const amount = event.data.lines.reduce((sum, line) => sum + line.amount, 0);
      const id = event.data.obligationId ?? 'main';
      // A repeated id replaces the amount only from a later instant (at the same instant the larger stands).
      const setAt = s.feesSetAt?.[id];
      const replaces = setAt === undefined || when > setAt || (when === setAt && amount > (s.fees?.[id] ?? 0));
      const feeDataAt = earliest(s.feeDataAt, when);
      if (!replaces) return { ...s, feeDataAt };
      return { ...s, fees: { ...(s.fees ?? {}), [id]: amount }, feesSetAt: { ...(s.feesSetAt ?? {}), [id]: when }, feeDataAt };
    }
    case 'dossier.fee-paid': {
      const paymentMethods = withOnce(s.paymentMethods, event.data.method);
      if (ONLINE.includes(event.data.method)) {
        return { ...s, paymentMethods, onlinePaymentsAt: insertSorted(s.onlinePaymentsAt, when) };
      }
      return { ...s, paymentMethods, paidOfflineAt: earliest(s.paidOfflineAt, when) };
    }
    // Ends, like the reception, are corrected by sending them again: the latest business time stands.
    case 'dossier.processed':
      return { ...s, processedAt: latest(s.processedAt, when) };
    case 'dossier.result-returned':
      return { ...s, returnedAt: latest(s.returnedAt, when) };
    case 'dossier.withdrawn':
      return { ...s, withdrawnAt: latest(s.withdrawnAt, when) };
    case 'dossier.stopped':
      return { ...s, stoppedAt: latest(s.stoppedAt, when) };
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
      // The latest rating stands: citizens may change their mind on the portal. Two at the same
      // instant: the lower one stands (levels sort 'satisfied' < 'unsatisfied' < 'very-satisfied'
      // alphabetically, so compare by an explicit rank).
      if (s.rating && (s.rating.at > when || (s.rating.at === when && RANK[s.rating.level] <= RANK[event.data.level]))) return s;
      return { ...s, rating: { level: event.data.level, at: when } };
    case 'petition.linked-to-dossier':
      return {
        ...s,
        petitionCodes: withOnce(s.petitionCodes, event.petitionCode),
        petitionedAt: earliest(s.petitionedAt, when),
      };
  }
}
