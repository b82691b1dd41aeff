import type { EventEnvelope } from './envelope';

/** Submission channel, national codes 1 in person, 2 online, 3 public postal service. */
export type Channel = 'in-person' | 'online' | 'postal';

type DossierEvent<T extends string, D> = EventEnvelope<T, D> & { readonly dossierCode: string };

export type DossierReceived = DossierEvent<
  'dossier.received',
  { readonly procedureCode: string; readonly channel: Channel; readonly dueAt: string }
>;
export type DossierSupplementRequested = DossierEvent<'dossier.supplement-requested', { readonly reason?: string }>;
export type DossierSupplementSupplied = DossierEvent<'dossier.supplement-supplied', { readonly newDueAt?: string }>;
export type DossierProcessed = DossierEvent<'dossier.processed', Record<string, never>>;
export type DossierResultReturned = DossierEvent<'dossier.result-returned', Record<string, never>>;
export type DossierWithdrawn = DossierEvent<'dossier.withdrawn', { readonly reason?: string }>;

export type DossierLifecycleEvent =
  | DossierReceived
  | DossierSupplementRequested
  | DossierSupplementSupplied
  | DossierProcessed
  | DossierResultReturned
  | DossierWithdrawn;
