import type { CertifiedCopyEvent } from './certified-copy-events';
import type { DossierStreamEvent } from './dossier-events';
import type { PetitionEventUnion } from './petition-events';
import type { PortalEvaluationEvent } from './portal-evaluation-events';
import type { ProcedureEventUnion } from './procedure-events';
import type { UnitEvent } from './unit-events';

/** Every event type the platform understands, as a discriminated union on `type`. */
export type DomainEvent = DossierStreamEvent | ProcedureEventUnion | PetitionEventUnion | UnitEvent | CertifiedCopyEvent | PortalEvaluationEvent;
export type DomainEventType = DomainEvent['type'];

/** The event of one type, e.g. EventOfType<'dossier.received'>. */
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
