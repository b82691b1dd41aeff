import { currentSchemaVersion, type DomainEventType } from '@idx/domain';
import { EVENT_DOCS } from './event-docs';

const EXAMPLE_CODES = {
  dossierCode: 'H31.39-251103-0001',
  procedureCode: '1.001612',
  petitionCode: 'PAKN-251110-0004',
} as const;

/**
 * A complete, valid wire envelope for an event type, as shown in docs/events.md: at the current
 * schema version, or at an older one the catalogue documents.
 */
export function wireExampleOf(type: DomainEventType, version = currentSchemaVersion(type)): Record<string, unknown> {
  const doc = EVENT_DOCS[type];
  const index = Object.keys(EVENT_DOCS).indexOf(type) + 1;
  const subject: Record<string, string> = {};
  if (doc.subject.includes('dossierCode')) subject['dossierCode'] = EXAMPLE_CODES.dossierCode;
  if (doc.subject.includes('procedureCode')) subject['procedureCode'] = EXAMPLE_CODES.procedureCode;
  if (doc.subject.includes('petitionCode')) subject['petitionCode'] = EXAMPLE_CODES.petitionCode;
  return {
    // Older versions' examples get ids of their own: posting both is two events, not a conflicting duplicate.
    eventId: `6f1c2a40-8d3e-4b7a-9c21-${String(index + 1000 * (currentSchemaVersion(type) - version)).padStart(12, '0')}`,
    type,
    schemaVersion: version,
    occurredAt: `${doc.exampleAt}+07:00`,
    sourceSystem: 'motcua-hungyen',
    unitCode: doc.exampleUnit ?? 'X11953',
    ...subject,
    data: version === currentSchemaVersion(type) ? doc.exampleData : olderExampleData(type, version),
  };
}

/** One example per event type, in catalogue order. */
export function wireExamples(): Record<string, unknown>[] {
  return (Object.keys(EVENT_DOCS) as DomainEventType[]).map((type) => wireExampleOf(type));
}

function olderExampleData(type: DomainEventType, version: number): Readonly<Record<string, unknown>> {
  const older = EVENT_DOCS[type].olderVersions?.find((v) => v.version === version);
  if (!older) throw new RangeError(`no documented example of "${type}" version ${version}`);
  return older.exampleData;
}
