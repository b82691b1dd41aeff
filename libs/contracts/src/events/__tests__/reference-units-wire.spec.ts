import { nationalUnitEvents, referenceUnitEvents } from '@idx/domain';
import { validateEvent } from '../validate-event';

describe('reference unit events', () => {
  it('are valid wire events, so they can seed any environment through ingest', () => {
    const events = referenceUnitEvents();
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) expect([e.unitCode, e.type, validateEvent(JSON.parse(JSON.stringify(e))).ok]).toEqual([e.unitCode, e.type, true]);
  });

  it('include the whole country as valid wire events', () => {
    const events = nationalUnitEvents();
    expect(events.length).toBeGreaterThan(25_000);
    const invalid = events.filter((e) => !validateEvent(JSON.parse(JSON.stringify(e))).ok).map((e) => `${e.unitCode} ${e.type}`);
    expect(invalid).toEqual([]);
  });

  it('refuse a malformed national code with a reason', () => {
    const [registered] = referenceUnitEvents();
    const bad = { ...registered, data: { ...(registered.data as object), nationalCodes: ['H31; DROP TABLE'] } };
    const result = validateEvent(JSON.parse(JSON.stringify(bad)));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('letters, digits and dots only');
  });
});
