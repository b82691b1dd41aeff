import { isDeepStrictEqual } from 'node:util';
import { currentSchemaVersion, type DomainEventType } from '@idx/domain';
import type { z } from 'zod';
import { EVENT_SCHEMAS } from '../catalogue';
import { EVENT_DOCS } from '../event-docs';
import { validateEvent } from '../validate-event';
import { compileAcceptor } from '../wire-acceptor';
import { wireExampleOf } from '../wire-examples';

/** Every (type, version) the catalogue has a schema and a documented example for. */
function examples(): { schema: z.ZodType; event: Record<string, unknown> }[] {
  const out: { schema: z.ZodType; event: Record<string, unknown> }[] = [];
  for (const type of Object.keys(EVENT_SCHEMAS) as DomainEventType[]) {
    const documented = [currentSchemaVersion(type), ...(EVENT_DOCS[type].olderVersions ?? []).map((v) => v.version)];
    for (const version of documented) {
      const schema = (EVENT_SCHEMAS[type] as Record<number, z.ZodType>)[version];
      if (schema) out.push({ schema, event: wireExampleOf(type, version) });
    }
  }
  return out;
}

/** Values that break a field in the ways senders do (and a few that are valid elsewhere). */
const ODD_VALUES: unknown[] = [
  undefined, null, '', ' ', 'x', 'online', '1', 2, 0, -1, 1.5, 1e16, 365, 366, 100_001, true, false, [], [{}], {}, { x: 1 },
  'a'.repeat(41), 'a'.repeat(2001), 'H31/01.x', 'bad code!', '2025-02-29', '2024-02-29', '2025-03-04T24:00:00+07:00',
  '2025-03-04T08:30:00+07:00', '2025-03-04T08:30+07:00', '2025-03-04T08:30:00.123456789Z', '2025-03-04T08:30:00+15:00',
  '1989-12-31T23:59:59Z', '6f1c2a40-8d3e-4b7a-9c21-000000000001', 'fee', 'satisfied', 'province',
];

/** The example with one field (top level or in data) replaced by `value` (undefined: removed). */
function mutations(event: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const data = (event['data'] ?? {}) as Record<string, unknown>;
  const put = (target: Record<string, unknown>, key: string, value: unknown) => {
    const copy = { ...target };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  };
  for (const value of ODD_VALUES) {
    for (const key of [...Object.keys(event), 'extra']) out.push(put(event, key, value));
    for (const key of [...Object.keys(data), 'extra']) out.push({ ...event, data: put(data, key, value) });
  }
  return out;
}

describe('compiled wire acceptor (yes-only: the rest is asked of zod)', () => {
  it('accepts only what zod accepts and would hand back unchanged, over every example and thousands of broken variants', () => {
    let accepted = 0;
    let asked = 0;
    for (const { schema, event } of examples()) {
      const accepts = compileAcceptor(schema);
      for (const candidate of [event, ...mutations(event)]) {
        const parsed = schema.safeParse(candidate);
        if (accepts(candidate)) {
          accepted++;
          expect(parsed.success).toBe(true);
          expect(isDeepStrictEqual(parsed.data, candidate)).toBe(true);
        } else {
          asked++;
          // Never a good event left out that zod would hand back as it is... unless the compiler does not know the construct.
          if (parsed.success && isDeepStrictEqual(parsed.data, candidate)) throw new Error(`not accepted although unchanged by zod: ${JSON.stringify(candidate)}`);
        }
      }
    }
    expect(accepted).toBeGreaterThan(500);
    expect(asked).toBeGreaterThan(1000);
  });

  it('accepts every documented example of the current versions that has all its fields (the fast path is the common path)', () => {
    for (const type of Object.keys(EVENT_SCHEMAS) as DomainEventType[]) {
      const schema = (EVENT_SCHEMAS[type] as Record<number, z.ZodType>)[currentSchemaVersion(type)];
      const event = wireExampleOf(type);
      const parsed = schema.safeParse(event);
      if (parsed.success && isDeepStrictEqual(parsed.data, event)) expect(compileAcceptor(schema)(event)).toBe(true);
    }
  });

  it('leaves the reasons to zod: a broken event gets the same per-field reasons as before', () => {
    const event: Record<string, unknown> = { ...wireExampleOf('dossier.received'), unitCode: '', data: { procedureCode: 'bad code!', channel: 'fax', dueAt: '2025-02-30T08:00:00+07:00' } };
    const result = validateEvent(event, { now: Date.parse('2026-01-01T00:00:00Z') });
    expect(result).toEqual({
      ok: false,
      eventId: event['eventId'],
      reason: 'unitCode: must not be empty; unitCode: may hold letters, digits and . _ : / - only; data.procedureCode: may hold letters, digits and . _ : / - only; ' +
        'data.channel: must be in-person, online or postal (or national code 1, 2, 3); data.dueAt: is not a real calendar date (2025-02-30T08:00:00+07:00: February 2025 has 28 days); send the day it really was',
    });
  });

  it('still refuses an accepted shape whose occurredAt runs ahead of the server clock', () => {
    const event = wireExampleOf('dossier.processed');
    const result = validateEvent({ ...event, data: {} }, { now: Date.parse(`${EVENT_DOCS['dossier.processed'].exampleAt}+07:00`) - 3_600_000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^occurredAt: .* is later than the server's clock allows \(now \+ 15 min\)/);
  });
});
