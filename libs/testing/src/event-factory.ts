import { randomUUID } from 'node:crypto';
import type {
  Channel, DomainEvent, DossierComponentsDigitised, DossierEResultIssued, DossierFeePaid, DossierFinancialObligation, DossierLifecycleEvent,
  DossierPopulationDataUsed, PaymentMethod, ProcedureEventUnion, UnitLevel, UnitRegistered,
} from '@idx/domain';

/** Builds valid wire events for tests and tools, in local time (+07:00). */
export function at(localIso: string): string {
  return localIso.includes('+') || localIso.endsWith('Z') ? localIso : `${localIso}+07:00`;
}

const base = (unitCode: string, occurredAt: string) => ({
  eventId: randomUUID(), schemaVersion: 1, occurredAt: at(occurredAt), sourceSystem: 'test-one-stop', unitCode,
});

export const dossierEvents = (unitCode: string, dossierCode: string) => ({
  received: (occurredAt: string, dueAt: string, channel: Channel = 'in-person', procedureCode = 'P-1'): DossierLifecycleEvent => ({
    ...base(unitCode, occurredAt), type: 'dossier.received', dossierCode, data: { procedureCode, channel, dueAt: at(dueAt) },
  }),
  supplementRequested: (occurredAt: string): DossierLifecycleEvent => ({
    ...base(unitCode, occurredAt), type: 'dossier.supplement-requested', dossierCode, data: {},
  }),
  // Schema version 2: the revised deadline as an object (version 1's flat newDueAt is still accepted).
  supplementSupplied: (occurredAt: string, newDueAt?: string): DossierLifecycleEvent => ({
    ...base(unitCode, occurredAt), schemaVersion: 2, type: 'dossier.supplement-supplied', dossierCode,
    data: newDueAt ? { revisedDeadline: { dueAt: at(newDueAt) } } : {},
  }),
  processed: (occurredAt: string): DossierLifecycleEvent => ({ ...base(unitCode, occurredAt), type: 'dossier.processed', dossierCode, data: {} }),
  returned: (occurredAt: string): DossierLifecycleEvent => ({ ...base(unitCode, occurredAt), type: 'dossier.result-returned', dossierCode, data: {} }),
  withdrawn: (occurredAt: string): DossierLifecycleEvent => ({ ...base(unitCode, occurredAt), type: 'dossier.withdrawn', dossierCode, data: {} }),
  // The facts criteria 9–18 read: fees and payment, digitisation, electronic result, population data.
  obligation: (occurredAt: string, amount: number): DossierFinancialObligation => ({
    ...base(unitCode, occurredAt), type: 'dossier.financial-obligation', dossierCode, data: { lines: [{ kind: 'fee', amount }] },
  }),
  paid: (occurredAt: string, method: PaymentMethod): DossierFeePaid => ({ ...base(unitCode, occurredAt), type: 'dossier.fee-paid', dossierCode, data: { method } }),
  digitised: (occurredAt: string): DossierComponentsDigitised => ({
    ...base(unitCode, occurredAt), type: 'dossier.components-digitised', dossierCode, data: { components: 2 },
  }),
  eResult: (occurredAt: string): DossierEResultIssued => ({ ...base(unitCode, occurredAt), type: 'dossier.e-result-issued', dossierCode, data: {} }),
  populationData: (occurredAt: string): DossierPopulationDataUsed => ({
    ...base(unitCode, occurredAt), type: 'dossier.population-data-used', dossierCode, data: { source: 'population-db' },
  }),
});

/** Each catalogue event's data by its type. */
export type ProcedureEventData = { [E in ProcedureEventUnion as E['type']]: E['data'] };

/** A procedure-catalogue event (procedure.*) of `unitCode`'s `procedureCode`, typed by the domain's own event types. */
export function procedureEvent<T extends ProcedureEventUnion['type']>(
  unitCode: string, procedureCode: string, type: T, occurredAt: string, data: ProcedureEventData[T],
): DomainEvent {
  return { ...base(unitCode, occurredAt), type, procedureCode, data } as ProcedureEventUnion;
}

export function unitRegistered(unitCode: string, name: string, level: UnitLevel, parentCode?: string, occurredAt = '2024-01-01T00:00:00'): UnitRegistered {
  return { ...base(unitCode, occurredAt), type: 'unit.registered', data: { name, level, ...(parentCode ? { parentCode } : {}) } };
}

/**
 * Issue 8's poison: a procedure announced with decision date "0000-01-01", which the domain reads
 * as 1900 and cannot fold. Ingest refuses it now, so tests append it to the store directly to prove
 * that scoring parks it and goes on.
 */
export function poisonedAnnouncement(unitCode = 'HY-STP', procedureCode = 'P-BAD'): DomainEvent {
  return {
    eventId: randomUUID(), schemaVersion: 1, occurredAt: at('2025-03-02T08:00:00'), sourceSystem: 'hostile', unitCode,
    type: 'procedure.announced', procedureCode, data: { decisionCode: 'QD-0', decisionDate: '0000-01-01', legalBasisEffectiveDate: '2025-01-01' },
  } as DomainEvent;
}
