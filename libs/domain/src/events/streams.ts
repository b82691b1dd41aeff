import type { DomainEvent } from './domain-event';

/** The kind of subject an event is about, which decides its stream (DESIGN.md §2). */
export type SubjectKind = 'dossier' | 'procedure' | 'petition' | 'unit';

/** Streams of what the platform records about itself rather than about a subject (no projection folds them). */
export type RecordKind = 'portal-evaluation';

/**
 * The subject an event belongs to. `petition.linked-to-dossier` belongs to the dossier: it changes
 * the dossier's criterion 21. Certified copies belong to the issuing unit. Portal evaluation imports
 * are no subject: one stream per area, which no projection handles.
 */
export function subjectKindOf(event: DomainEvent): SubjectKind | RecordKind {
  if (event.type.startsWith('portal.')) return 'portal-evaluation';
  if (event.type.startsWith('dossier.') || event.type === 'petition.linked-to-dossier') return 'dossier';
  if (event.type.startsWith('procedure.')) return 'procedure';
  if (event.type.startsWith('petition.')) return 'petition';
  return 'unit';
}

/** The stream an event belongs to: one per dossier, procedure-at-authority, petition, unit. */
export function streamIdOf(event: DomainEvent): string {
  switch (subjectKindOf(event)) {
    case 'dossier':
      return `dossier-${event.unitCode}-${event.dossierCode as string}`;
    case 'procedure':
      return `procedure-${event.unitCode}-${event.procedureCode as string}`;
    case 'petition':
      return `petition-${event.unitCode}-${event.petitionCode as string}`;
    case 'unit':
      return `unit-${event.unitCode}`;
    case 'portal-evaluation':
      return `portal-evaluation-${event.unitCode}`;
  }
}
