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
    expect(KNOWN_EVENT_TYPES).toHaveLength(40);
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
      'dossier.received': 'dossier-X11953-H31.39-251103-0001',
      'petition.linked-to-dossier': 'dossier-X11953-H31.39-251103-0001',
      'procedure.announced': 'procedure-X11953-1.001612',
      'petition.received': 'petition-X11953-PAKN-251110-0004',
      'certified-copy.issued': 'unit-X11953',
      'unit.merged': 'unit-HY',
    });
  });

  it('only accepts versions it knows: 1 everywhere, and 1–2 for dossier.supplement-supplied (upcasters.spec.ts)', () => {
    const versions = Object.fromEntries(Object.entries(EVENT_SCHEMAS).map(([type, v]) => [type, Object.keys(v).join()]));
    expect(Object.entries(versions).filter(([, v]) => v !== '1')).toEqual([['dossier.supplement-supplied', '1,2']]);
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

describe('hostile input, answered per field with what to send', () => {
  const NOW = Date.parse('2025-03-10T00:00:00Z');
  const at = (occurredAt: string) => validateEvent({ ...wireExampleOf('dossier.processed'), occurredAt }, { now: NOW });

  it('refuses the poison decision date 0000-01-01 (once read as 1900 by the domain and halting scoring)', () => {
    expect(reasonOf(example('procedure.announced', {}, { decisionDate: '0000-01-01' }))).toBe(
      'data.decisionDate: has year 0000 (0000-01-01), outside 1990–2100; send the real year with four digits',
    );
  });

  it('refuses impossible dates in data date-times instead of shifting them (Feb 30 → Mar 2)', () => {
    expect(reasonOf(example('dossier.received', {}, { dueAt: '2025-02-30T17:00:00+07:00' }))).toBe(
      'data.dueAt: is not a real calendar date (2025-02-30T17:00:00+07:00: February 2025 has 28 days); send the day it really was',
    );
    expect(reasonOf({ ...wireExampleOf('dossier.supplement-supplied', 1), data: { newDueAt: '2025-03-04T24:00:00+07:00' } })).toMatch(/^data\.newDueAt: is not a real time/);
    expect(reasonOf(example('dossier.supplement-supplied', {}, { revisedDeadline: { dueAt: '2025-03-04T24:00:00+07:00' } }))).toMatch(/^data\.revisedDeadline\.dueAt: is not a real time/);
    expect(reasonOf(example('petition.reopened', {}, { dueAt: '2025-03-04T08:00:00-23:59' }))).toMatch(/^data\.dueAt: has offset -23:59/);
  });

  it('refuses impossible occurredAt values, naming the field', () => {
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), occurredAt: '2025-02-30T08:00:00+07:00' })).toMatch(/^occurredAt: is not a real calendar date/);
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), occurredAt: '2025-03-04T08:00:00-23:59' })).toMatch(/^occurredAt: has offset -23:59/);
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), occurredAt: '1970-01-01T00:00:00Z' })).toMatch(/^occurredAt: has year 1970/);
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), occurredAt: 'x'.repeat(5000) })).toBe(
      'occurredAt: must be an ISO-8601 date-time with an offset, e.g. 2025-03-04T08:30:00+07:00',
    );
  });

  it('refuses business time later than the server clock plus the skew window, and accepts it within', () => {
    expect(at('2025-03-10T07:14:59+07:00')).toMatchObject({ ok: true });
    expect(at('2025-03-10T00:15:00Z')).toMatchObject({ ok: true });
    expect(at('2025-03-10T00:15:00.001Z')).toEqual({
      ok: false,
      eventId: wireExampleOf('dossier.processed')['eventId'],
      reason: "occurredAt: 2025-03-10T00:15:00.001Z is later than the server's clock allows (now + 15 min); send business time as it happened",
    });
    expect(validateEvent({ ...wireExampleOf('dossier.processed'), occurredAt: '2025-03-10T00:01:00Z' }, { now: NOW, maxFutureSkewMs: 30_000 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('(now + 30 s)'),
    });
    // Deadlines lie in the future by nature: only occurredAt is held to the clock.
    expect(validateEvent(example('dossier.received', { occurredAt: '2025-03-09T08:00:00+07:00' }, { dueAt: '2026-01-01T00:00:00+07:00' }), { now: NOW })).toMatchObject({ ok: true });
  });

  it('uses the real clock by default', () => {
    const soon = new Date(Date.now() + 60 * 60_000).toISOString();
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), occurredAt: soon })).toMatch(/later than the server's clock allows \(now \+ 15 min\)/);
  });

  it('names the future occurredAt alongside other wrong fields', () => {
    const r = validateEvent(example('dossier.rated', { occurredAt: '2030-01-01T00:00:00Z' }, { level: 'ok' }), { now: NOW });
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('data.level: must be') });
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('occurredAt: 2030-01-01T00:00:00Z is later than') });
  });

  it('refuses NUL and lone surrogates in any text, before any schema reads them', () => {
    expect(reasonOf(example('dossier.refused', {}, { reason: 'a\u0000b' }))).toBe('data.reason: contains a NUL character (U+0000) at position 1; remove it');
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), sourceSystem: 'one\ud800stop' })).toMatch(/^sourceSystem: contains a lone surrogate/);
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), unitCode: 'HY\u0000' })).toMatch(/^unitCode: contains a NUL/);
  });

  it('caps every text field', () => {
    expect(reasonOf(example('dossier.refused', {}, { reason: 'x'.repeat(2001) }))).toBe('data.reason: must be at most 2000 characters');
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), unitCode: 'U'.repeat(101) })).toBe('unitCode: must be at most 100 characters');
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), sourceSystem: 's'.repeat(201) })).toBe('sourceSystem: must be at most 200 characters');
    expect(reasonOf(example('dossier.processing-step', {}, { step: 's'.repeat(301) }))).toBe('data.step: must be at most 300 characters');
    expect(reasonOf(example('unit.registered', {}, { name: 'n'.repeat(301) }))).toBe('data.name: must be at most 300 characters');
  });

  it('caps numbers', () => {
    expect(reasonOf(example('dossier.financial-obligation', {}, { lines: [{ kind: 'fee', amount: 1e300 }] }))).toBe('data.lines.0.amount: must be at most 10^15 đồng');
    expect(reasonOf(example('certified-copy.issued', {}, { count: 1e9 }))).toBe('data.count: must be at most 100000');
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), schemaVersion: 1e308 })).toMatch(/^schemaVersion: 1e\+308 is not a supported version/);
  });

  it('keeps a rejected event id only when it is one, and quotes a sender\'s type safely and briefly', () => {
    expect(validateEvent({ ...wireExampleOf('dossier.processed'), eventId: 'x'.repeat(10_000), type: 'nope' })).toMatchObject({ ok: false, eventId: undefined });
    const long = reasonOf({ ...wireExampleOf('dossier.processed'), type: 't'.repeat(90) + '"\n' + 't'.repeat(1000) });
    expect(long).toMatch(/^type: unknown event type "t{90}\\"\\nt{8}…"; known types/);
  });

  it('refuses reserved field names anywhere', () => {
    expect(reasonOf(JSON.parse(JSON.stringify(wireExampleOf('dossier.rated')).replace('"level"', '"__proto__":{"x":1},"level"')))).toMatch(/^data\.__proto__: /);
  });

  it('answers an object nested 10,000 levels deep with a reason, not a stack overflow', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    expect(reasonOf({ ...wireExampleOf('dossier.processed'), data: deep })).toMatch(/^data(\.d)+: nested deeper than 32 levels/);
  });
});
