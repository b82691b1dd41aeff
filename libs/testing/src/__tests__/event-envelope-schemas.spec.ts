import { currentSchemaVersion, type DomainEventType } from '@idx/domain';
import { API_SCHEMAS, EVENT_DOCS, EVENT_ENVELOPE_SCHEMAS, EVENT_SCHEMAS, validateEvent, wireExampleOf } from '@idx/contracts';
import { OpenApiValidator } from '../openapi-validator';

/**
 * The event envelopes the ingest OpenAPI publishes are derived from the zod catalogue: every
 * documented wire example (docs/events.md) validates against its own component, and what the
 * endpoint refuses for a missing or mistyped field the published schema refuses too.
 */
describe('event envelope schemas derived from the contract catalogue', () => {
  const validator = new OpenApiValidator(API_SCHEMAS);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  it('has one component per event type and schema version, named after both', () => {
    const expected = Object.entries(EVENT_SCHEMAS).reduce((n, [, versions]) => n + Object.keys(versions).length, 0);
    expect(Object.keys(EVENT_ENVELOPE_SCHEMAS)).toHaveLength(expected);
    // Names written by hand: a generated client's type names must not shift.
    expect(Object.keys(EVENT_ENVELOPE_SCHEMAS)).toEqual(expect.arrayContaining(['DossierReceivedV1', 'DossierSupplementSuppliedV1', 'DossierSupplementSuppliedV2', 'UnitNationalCodesSetV1', 'CertifiedCopyIssuedV1']));
  });

  it.each(Object.keys(EVENT_DOCS) as DomainEventType[])('%s: the docs example validates against its component and the endpoint accepts it', (type) => {
    const example = wireExampleOf(type);
    const version = currentSchemaVersion(type);
    const name = Object.keys(EVENT_ENVELOPE_SCHEMAS).find((n) => n.endsWith(`V${version}`) && EVENT_ENVELOPE_SCHEMAS[n]['properties'] && JSON.stringify((EVENT_ENVELOPE_SCHEMAS[n]['properties'] as Record<string, unknown>)['type']).includes(`"${type}"`));
    expect(name).toBeDefined();
    expect(validator.errors(ref(name as string), example)).toEqual([]);
    expect(validateEvent(example, { now: Date.parse('2099-01-01T00:00:00Z') })).toMatchObject({ ok: true });
  });

  it('refuses what the endpoint refuses: a missing unitCode, a wrong schema version, a channel that is not one', () => {
    const received = wireExampleOf('dossier.received');
    const batch = ref('EventBatch');
    expect(validator.errors(batch, [received])).toEqual([]);
    const { unitCode: _dropped, ...noUnit } = received;
    const wrongVersion = { ...received, schemaVersion: 7 };
    const badChannel = { ...received, data: { ...(received['data'] as object), channel: 'fax' } };
    for (const bad of [noUnit, wrongVersion, badChannel]) {
      expect(validator.errors(batch, [bad])).not.toEqual([]);
      expect(validateEvent(bad)).toMatchObject({ ok: false });
    }
    // The channel may be left out (in person): accepted by both.
    const { channel: _none, ...noChannel } = received['data'] as Record<string, unknown>;
    const inPerson = { ...received, data: noChannel };
    expect(validator.errors(batch, [inPerson])).toEqual([]);
    expect(validateEvent(inPerson, { now: Date.parse('2099-01-01T00:00:00Z') })).toMatchObject({ ok: true });
  });
});
