export * from './envelope';
export * from './dossier-events';
export * from './unit-events';
import type { DossierLifecycleEvent } from './dossier-events';
import type { UnitEvent } from './unit-events';

/** Every event type the platform understands, as a discriminated union on `type`. */
export type DomainEvent = DossierLifecycleEvent | UnitEvent;
export type DomainEventType = DomainEvent['type'];

/** The stream an event belongs to: one per dossier, procedure-at-authority, petition, unit. */
export function streamIdOf(event: DomainEvent): string {
  if (event.type.startsWith('dossier.')) return `dossier-${event.unitCode}-${(event as { dossierCode: string }).dossierCode}`;
  return `unit-${event.unitCode}`;
}
