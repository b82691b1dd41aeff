import type { DomainEvent, DossierLifecycleEvent } from '../events';
import { type DossierFacts, endOf } from '../dossier/dossier-facts';
import { evolveDossier } from '../dossier/evolve-dossier';
import type { SubjectProjection } from './subject-projection';

export const dossierProjection: SubjectProjection<DossierFacts> = {
  kind: 'dossier',
  handles: (e: DomainEvent) => e.type.startsWith('dossier.'),
  keyOf: (e: DomainEvent) => `${e.unitCode}/${(e as DossierLifecycleEvent).dossierCode}`,
  evolve: (s, e) => evolveDossier(s, e as DossierLifecycleEvent),
  unitOf: (s) => s.unitCode,
  windowOf: (s) => (s.receivedAt === undefined ? undefined : { from: s.receivedAt, to: endOf(s) }),
};
