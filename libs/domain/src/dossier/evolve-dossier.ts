import type { DossierLifecycleEvent } from '../events/dossier-events';
import { type DossierFacts, emptyDossier } from './dossier-facts';

const at = (iso: string): number => Date.parse(iso);

/** evolve(state, event) → state for a dossier stream. Pure; unknown fields are ignored. */
export function evolveDossier(state: DossierFacts | undefined, event: DossierLifecycleEvent): DossierFacts {
  const s = state ?? emptyDossier(event.unitCode, event.dossierCode);
  const when = at(event.occurredAt);
  switch (event.type) {
    case 'dossier.received':
      return {
        ...s,
        procedureCode: event.data.procedureCode,
        channel: event.data.channel,
        receivedAt: when,
        dueAt: at(event.data.dueAt),
      };
    case 'dossier.supplement-requested':
      if (s.pauses.some((p) => p.to === undefined)) return { ...s, supplementRequests: s.supplementRequests + 1 };
      return { ...s, supplementRequests: s.supplementRequests + 1, pauses: [...s.pauses, { from: when }] };
    case 'dossier.supplement-supplied': {
      const pauses = s.pauses.map((p) => (p.to === undefined ? { from: p.from, to: Math.max(p.from, when) } : p));
      if (event.data.newDueAt === undefined) return { ...s, pauses };
      // A new due time from the one-stop system already accounts for the wait: it replaces the pauses.
      return { ...s, pauses: [], dueAt: at(event.data.newDueAt) };
    }
    case 'dossier.processed':
      return { ...s, processedAt: when };
    case 'dossier.result-returned':
      return { ...s, returnedAt: when };
    case 'dossier.withdrawn':
      return { ...s, withdrawnAt: when };
  }
}
