import { referenceUnitEvents } from '@idx/domain';
import { validateEvent } from '../validate-event';

describe('reference unit events', () => {
  it('are valid wire events, so they can seed any environment through ingest', () => {
    const events = referenceUnitEvents();
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) expect([e.unitCode, e.type, validateEvent(JSON.parse(JSON.stringify(e))).ok]).toEqual([e.unitCode, e.type, true]);
  });
});
