import {
  computeFigures, currentSchemaVersion, type DomainEvent, type DomainEventType, foldEvents, groupSubjects, parsePeriod, QD766_2022,
  supportedVersions, upcastEvent, UnsupportedSchemaVersionError,
} from '@idx/domain';
import { EVENT_SCHEMAS, KNOWN_EVENT_TYPES } from '../catalogue';
import { validateEvent } from '../validate-event';
import { wireExampleOf } from '../wire-examples';

const accepted = (input: Record<string, unknown>): DomainEvent => {
  const r = validateEvent(input, { now: Date.parse('2026-01-01T00:00:00Z') });
  if (!r.ok) throw new Error(r.reason);
  return r.event;
};

let n = 0;
/** A wire event of dossier D-1 at Sở Tư pháp (HY-STP), local time. */
function wire(type: DomainEventType, at: string, data: Record<string, unknown>, schemaVersion = 1): Record<string, unknown> {
  n += 1;
  return {
    eventId: `0b7f3c2e-1111-4a2b-8c3d-${String(n).padStart(12, '0')}`, type, schemaVersion, occurredAt: `${at}+07:00`,
    sourceSystem: 'motcua-hungyen', unitCode: 'HY-STP', dossierCode: 'D-1', data,
  };
}

describe('versioned contracts: upcasters keyed on schemaVersion', () => {
  it('accepts exactly the versions the domain can upcast, for every event type', () => {
    for (const type of KNOWN_EVENT_TYPES) {
      expect([type, Object.keys(EVENT_SCHEMAS[type as DomainEventType]).map(Number)]).toEqual([type, supportedVersions(type)]);
    }
    expect(currentSchemaVersion('dossier.supplement-supplied')).toBe(2);
    expect(currentSchemaVersion('dossier.received')).toBe(1);
  });

  it('upcasts dossier.supplement-supplied v1 { newDueAt } to v2 { revisedDeadline: { dueAt } }', () => {
    const v1 = accepted(wireExampleOf('dossier.supplement-supplied', 1));
    expect(v1.schemaVersion).toBe(1); // stored as sent
    expect(upcastEvent(v1)).toEqual({ ...v1, schemaVersion: 2, data: { revisedDeadline: { dueAt: '2025-11-13T17:00:00+07:00' } } });
    const bare = accepted(wire('dossier.supplement-supplied', '2025-03-06T10:00:00', {}));
    expect(upcastEvent(bare).data).toEqual({});
    const v2 = accepted(wireExampleOf('dossier.supplement-supplied'));
    expect(upcastEvent(v2)).toEqual(v2); // already current
  });

  it('folds a v1 stream and its v2 equivalent to the same facts and figures', () => {
    // Received 3 March, due 10 March; supplement asked 4 March, supplied 5 March with a new due
    // time of 20 March; processed 19 March: on time only if the new due time is read (criterion 5).
    const common = [
      wire('dossier.received', '2025-03-03T08:00:00', { procedureCode: '1.001612', channel: 'online', dueAt: '2025-03-10T17:00:00+07:00' }),
      wire('dossier.supplement-requested', '2025-03-04T08:00:00', {}),
      wire('dossier.processed', '2025-03-19T08:00:00', {}),
    ];
    const v1 = wire('dossier.supplement-supplied', '2025-03-05T08:00:00', { newDueAt: '2025-03-20T17:00:00+07:00' }, 1);
    const v2 = { ...v1, schemaVersion: 2, data: { revisedDeadline: { dueAt: '2025-03-20T17:00:00+07:00', extendedByWorkingDays: 7 } } };
    const figures = (events: Record<string, unknown>[]) => {
      const subjects = foldEvents(events.map(accepted));
      return { facts: subjects.map((s) => s.facts), figures: Object.fromEntries(computeFigures({ subjects: groupSubjects(subjects), period: parsePeriod('2025-03'), asOf: Date.parse('2025-04-10T00:00:00+07:00'), ruleSet: QD766_2022 })) };
    };
    const old = figures([...common, v1]);
    expect(figures([...common, v2])).toEqual(old);
    expect(old.figures[5]).toEqual({ numerator: 1, denominator: 1 });
    // Without the supplement's new due time the dossier would be late (due 10 March + 1 day wait).
    expect(figures([...common, wire('dossier.supplement-supplied', '2025-03-05T08:00:00', {})]).figures[5]).toEqual({ numerator: 0, denominator: 1 });
  });

  it('rejects an unknown version at ingest with the supported ones named, keeping the event id', () => {
    const v3: Record<string, unknown> = { ...wireExampleOf('dossier.supplement-supplied'), schemaVersion: 3 };
    expect(validateEvent(v3)).toEqual({
      ok: false, eventId: v3['eventId'], reason: 'schemaVersion: 3 is not a supported version of "dossier.supplement-supplied" (supported: 1, 2)',
    });
    for (const bad of [0, -1, 1.5, '2', null]) {
      expect(validateEvent({ ...wireExampleOf('dossier.supplement-supplied'), schemaVersion: bad })).toMatchObject({
        ok: false, reason: expect.stringMatching(/^schemaVersion: .* is not a supported version of "dossier\.supplement-supplied" \(supported: 1, 2\)$/),
      });
    }
  });

  it('checks a v2 event field by field like any other', () => {
    const reason = (data: Record<string, unknown>) => {
      const r = validateEvent({ ...wireExampleOf('dossier.supplement-supplied'), data });
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason({ revisedDeadline: {} })).toBe('data.revisedDeadline.dueAt: is required');
    expect(reason({ revisedDeadline: { dueAt: '2025-03-13T17:00:00+07:00', extendedByWorkingDays: -2 } })).toMatch(/^data\.revisedDeadline\.extendedByWorkingDays: /);
    expect(reason({ revisedDeadline: '2025-03-13T17:00:00+07:00' })).toBe('data.revisedDeadline: must be an object, not string');
  });

  it('refuses to fold an event of a version no upcaster reads (a store written by a newer build)', () => {
    const future = { ...accepted(wireExampleOf('dossier.supplement-supplied')), schemaVersion: 3 };
    expect(() => upcastEvent(future)).toThrow(UnsupportedSchemaVersionError);
    expect(() => foldEvents([future])).toThrow(/schemaVersion: 3 is not a supported version/);
  });
});
