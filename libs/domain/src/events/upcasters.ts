import type { DossierSupplementSupplied, DossierSupplementSuppliedV1 } from './dossier-events';
import type { DomainEvent, DomainEventType } from './domain-event';
import type { EventEnvelope } from './envelope';

/**
 * Versioned contracts (ISSUE 9): events are stored as they were sent, with their `schemaVersion`,
 * and upcast when they are read — every fold goes through upcastEvent (projection/registry.ts) —
 * so an old event never has to be rewritten and the hash chain keeps what the source system sent.
 *
 * An upcaster turns version n of one type into version n + 1. The current version of a type is one
 * past its last upcaster; types without one are at version 1. Adding a version = its wire schema
 * (libs/contracts/src/events/catalogue.ts), its domain type, and one upcaster here.
 */
export interface Upcaster {
  readonly type: DomainEventType;
  /** The version this upcaster reads; it returns version `from + 1`. */
  readonly from: number;
  up(event: EventEnvelope): EventEnvelope;
}

/** `dossier.supplement-supplied` v1 `{ newDueAt }` → v2 `{ revisedDeadline: { dueAt } }`. */
const supplementSuppliedV1: Upcaster = {
  type: 'dossier.supplement-supplied',
  from: 1,
  up(event) {
    const { newDueAt } = (event as DossierSupplementSuppliedV1).data ?? {};
    const data: DossierSupplementSupplied['data'] = newDueAt === undefined ? {} : { revisedDeadline: { dueAt: newDueAt } };
    return { ...event, schemaVersion: 2, data };
  },
};

export const UPCASTERS: readonly Upcaster[] = [supplementSuppliedV1];

const byTypeAndVersion = new Map(UPCASTERS.map((u) => [`${u.type}@${u.from}`, u]));

/** The version folds read for a type: one past its last upcaster, else 1. */
export function currentSchemaVersion(type: string): number {
  let version = 1;
  while (byTypeAndVersion.has(`${type}@${version}`)) version += 1;
  return version;
}

/** Why an event of this type and version cannot be read (undefined when it can). */
export function schemaVersionProblem(type: string, version: unknown): string | undefined {
  const current = currentSchemaVersion(type);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > current) {
    return `schemaVersion: ${String(JSON.stringify(version ?? null)).slice(0, 100)} is not a supported version of "${type}" (supported: ${supportedVersions(type).join(', ')})`;
  }
  return undefined;
}

/** Every version of a type that can be read: 1 to the current one. */
export function supportedVersions(type: string): number[] {
  return Array.from({ length: currentSchemaVersion(type) }, (_, i) => i + 1);
}

export class UnsupportedSchemaVersionError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/**
 * The event at its type's current version. Events are validated at ingest, so a version nothing
 * can read here means a store written by a newer build: fail loudly rather than fold a guess.
 */
export function upcastEvent(event: EventEnvelope): DomainEvent {
  const problem = schemaVersionProblem(event.type, event.schemaVersion);
  if (problem) throw new UnsupportedSchemaVersionError(problem);
  let current = event;
  for (let u = byTypeAndVersion.get(`${current.type}@${current.schemaVersion}`); u; u = byTypeAndVersion.get(`${current.type}@${current.schemaVersion}`)) {
    current = u.up(current);
  }
  return current as DomainEvent;
}
