import { type DomainEventType, streamIdOf } from '@idx/domain';
import { EVENT_SCHEMAS, KNOWN_EVENT_TYPES } from '../catalogue';
import { EVENT_DOCS } from '../event-docs';
import { validateEvent } from '../validate-event';
import { wireExampleOf, wireExamples } from '../wire-examples';

const reasonOf = (input: unknown): string => {
  const r = validateEvent(input);
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
};

const example = (type: DomainEventType, patch: Record<string, unknown> = {}, data?: Record<string, unknown>) => {
  const e = wireExampleOf(type);
  return { ...e, ...patch, ...(data ? { data: { ...(e['data'] as object), ...data } } : {}) };
};

describe('event catalogue', () => {
  it('has a schema and a documented example for every domain event type', () => {
    expect(Object.keys(EVENT_DOCS).sort()).toEqual([...KNOWN_EVENT_TYPES].sort());
    expect(KNOWN_EVENT_TYPES).toHaveLength(38);
  });

  it.each(wireExamples().map((e) => [e['type'] as string, e]))('accepts the documented example of %s', (_type, input) => {
    const result = validateEvent(input);
    expect(result).toMatchObject({ ok: true });
  });

  it('routes every example to the stream of its subject', () => {
    const streams = wireExamples().map((e) => {
      const r = validateEvent(e);
      if (!r.ok) throw new Error(r.reason);
      return [r.event.type, streamIdOf(r.event)];
    });
    expect(Object.fromEntries(streams)).toMatchObject({
      'dossier.received': 'dossier-HY-VANLAM-H31.39-250303-0001',
      'petition.linked-to-dossier': 'dossier-HY-VANLAM-H31.39-250303-0001',
      'procedure.announced': 'procedure-HY-VANLAM-1.001612',
      'petition.received': 'petition-HY-VANLAM-PAKN-250310-0004',
      'certified-copy.issued': 'unit-HY-VANLAM',
      'unit.merged': 'unit-HY',
    });
  });

  it('only accepts versions it knows', () => {
    expect(Object.values(EVENT_SCHEMAS).every((versions) => Object.keys(versions).join() === '1')).toBe(true);
  });
});

describe('validation reasons a person can act on', () => {
  it('names the missing subject id', () => {
    const { dossierCode: _omit, ...input } = wireExampleOf('dossier.received');
    expect(reasonOf(input)).toMatch(/^dossierCode: /);
    const { petitionCode: _p, ...link } = wireExampleOf('petition.linked-to-dossier');
    expect(reasonOf(link)).toMatch(/^petitionCode: /);
    const { procedureCode: _c, ...announced } = wireExampleOf('procedure.announced');
    expect(reasonOf(announced)).toMatch(/^procedureCode: /);
  });

  it('says which data field is wrong and why, one reason per field', () => {
    const reason = reasonOf(example('procedure.announced', {}, { decisionDate: '2025-02-30', legalBasisEffectiveDate: '17/03/2025' }));
    expect(reason).toContain('data.decisionDate: is not a real calendar date');
    expect(reason).toContain('data.legalBasisEffectiveDate: must be a date written YYYY-MM-DD');
  });

  it('explains enumerations with their allowed values', () => {
    expect(reasonOf(example('dossier.fee-paid', {}, { method: 'cash' }))).toBe(
      'data.method: must be national-portal, local-gateway or offline',
    );
    expect(reasonOf(example('procedure.online-service-set', {}, { level: 4 }))).toBe('data.level: must be none, partial or full');
    expect(reasonOf(example('dossier.rated', {}, { level: 'ok' }))).toBe('data.level: must be very-satisfied, satisfied or unsatisfied');
  });

  it('rejects negative fees and empty obligations', () => {
    expect(reasonOf(example('dossier.financial-obligation', {}, { lines: [{ kind: 'fee', amount: -1 }] }))).toBe(
      'data.lines.0.amount: must not be negative',
    );
    expect(reasonOf(example('dossier.financial-obligation', {}, { lines: [] }))).toBe('data.lines: must hold at least one fee line');
  });

  it('rejects a deadline without an offset', () => {
    expect(reasonOf(example('petition.received', {}, { dueAt: '2025-03-24T17:00:00' }))).toMatch(/^data\.dueAt: must be an ISO-8601 date-time with an offset/);
  });

  it('accepts channels by national code and defaults a missing one to in person', () => {
    const byCode = validateEvent(example('dossier.received', {}, { channel: 2 }));
    expect(byCode.ok && byCode.event.type === 'dossier.received' && byCode.event.data.channel).toBe('online');
    const e = wireExampleOf('dossier.received');
    const { channel: _c, ...data } = e['data'] as Record<string, unknown>;
    const missing = validateEvent({ ...e, data });
    expect(missing.ok && missing.event.type === 'dossier.received' && missing.event.data.channel).toBe('in-person');
  });

  it('names unknown types, including names that exist on every object', () => {
    expect(reasonOf({ ...wireExampleOf('dossier.synced'), type: 'dossier.teleported' })).toMatch(/^type: unknown event type "dossier.teleported"; known types: dossier.submitted, /);
    expect(reasonOf({ ...wireExampleOf('dossier.synced'), type: 'constructor' })).toMatch(/^type: unknown event type "constructor"/);
    expect(reasonOf({ ...wireExampleOf('dossier.synced'), schemaVersion: 2 })).toBe('schemaVersion: 2 is not a supported version of "dossier.synced" (supported: 1)');
  });

  it('fills empty data for types without fields', () => {
    const { data: _d, ...input } = wireExampleOf('dossier.processed');
    expect(validateEvent(input)).toMatchObject({ ok: true, event: { data: {} } });
  });

  it('says "is required" for a missing field and names the wrong type, in words an integrator can act on', () => {
    const { occurredAt: _o, ...input } = wireExampleOf('dossier.received');
    const result = validateEvent({ ...input, unitCode: 5, data: [] });
    expect(result).toMatchObject({ ok: false });
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('occurredAt: is required');
    expect(reason).toContain('unitCode: must be a string, not number');
    expect(reason).toContain('data: must be an object, not an array');
  });
});
