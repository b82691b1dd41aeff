import type { ValidateFunction } from 'ajv';
import { dossierEvents, OpenApiValidator, unitRegistered, waitFor } from '@idx/testing';
import { createConsoleAccount, signIn, type ConsoleClient } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

/**
 * The published OpenAPI documents are complete enough for a vendor to generate a client
 * (docs/openapi.md): every operation says what it answers and takes, every $ref resolves, and what
 * the services really answer validates against what they publish.
 */
type Schema = Record<string, unknown>;
interface Media { schema?: Schema }
interface Operation { requestBody?: { content?: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> }
interface OpenApiDoc { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const UNIT = 'HY-OA';

function operations(doc: OpenApiDoc): { id: string; op: Operation; method: string }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op, method })),
  );
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

const validators = new WeakMap<OpenApiDoc, OpenApiValidator>();

/** A validator for one schema of the document, its $refs resolved against the document's components. */
function validatorOf(doc: OpenApiDoc, schema: Schema): ValidateFunction {
  let validator = validators.get(doc);
  if (!validator) validators.set(doc, (validator = new OpenApiValidator(doc.components?.schemas ?? {})));
  return validator.compile(schema);
}

function responseSchema(doc: OpenApiDoc, method: string, path: string, status: number, mediaType = 'application/json'): Schema {
  const op = doc.paths[path]?.[method];
  const schema = op?.responses[String(status)]?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} publishes no ${mediaType} schema for ${status}`);
  return schema;
}

function expectValid(doc: OpenApiDoc, schema: Schema, value: unknown, what: string): void {
  const validate = validatorOf(doc, schema);
  const ok = validate(value);
  if (!ok) throw new Error(`${what} does not validate: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

describe('OpenAPI documents a vendor can generate a client from', () => {
  let platform: RunningPlatform;
  let auditor: ConsoleClient;
  const docs: Record<'ingest' | 'scoring' | 'reporting', OpenApiDoc> = {} as never;
  const d = dossierEvents(UNIT, 'OA-1');
  const history = [
    unitRegistered('HY', 'UBND tỉnh Hưng Yên', 'province'),
    unitRegistered(UNIT, 'UBND xã Lạc Hồng', 'commune', 'HY'),
    d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online'),
    d.processed('2025-03-05T10:00:00'),
    d.returned('2025-03-05T15:00:00'),
  ];

  beforeAll(async () => {
    platform = await startPlatform();
    for (const [name, url] of [['ingest', platform.ingestUrl], ['scoring', platform.scoringUrl], ['reporting', platform.reportingUrl]] as const) {
      const res = await fetch(`${url}/api/docs-json`);
      expect(res.status).toBe(200);
      docs[name] = (await res.json()) as OpenApiDoc;
    }
    auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'oa-auditor', 'auditor'));
  });
  afterAll(() => platform?.stop());

  it.each(['ingest', 'scoring', 'reporting'] as const)('%s: every operation publishes a schema for its success answer and its request body', (name) => {
    const doc = docs[name];
    expect(doc.openapi).toMatch(/^3\./);
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const { id, op, method } of ops) {
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s)).sort()[0];
      if (!success) missing.push(`${id}: no 2xx answer`);
      // 204 is "no content" by definition; every other success names its body's schema.
      else if (success !== '204' && !Object.values(op.responses[success].content ?? {}).some((m) => m.schema)) missing.push(`${id}: ${success} without schema`);
      if (['post', 'put', 'patch'].includes(method) && !Object.values(op.requestBody?.content ?? {}).some((m) => m.schema)) missing.push(`${id}: no request body schema`);
      for (const [status, answer] of Object.entries(op.responses)) {
        if (/^[45]\d\d$/.test(status) && !Object.values(answer.content ?? {}).some((m) => m.schema)) missing.push(`${id}: ${status} without schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(['ingest', 'scoring', 'reporting'] as const)('%s: every $ref resolves to a published component', (name) => {
    const doc = docs[name];
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(0);
    const dangling = refs.filter((r) => !r.startsWith('#/components/schemas/') || !doc.components?.schemas?.[r.slice('#/components/schemas/'.length)]);
    expect(dangling).toEqual([]);
  });

  it('documents the error answers with a reason on the operations that give them', () => {
    const events = docs.ingest.paths['/api/v1/events']['post'].responses;
    expect(Object.keys(events)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '415', '429', '503']));
    const score = docs.reporting.paths['/api/v1/units/{unitCode}/scores']['get'].responses;
    expect(Object.keys(score)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429', '503']));
    const close = docs.reporting.paths['/api/v1/periods/{period}/close']['post'].responses;
    expect(Object.keys(close)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    const errorAnswer = docs.reporting.components?.schemas?.['ErrorAnswer'] as { required: string[] };
    expect(errorAnswer.required).toEqual(['reason']);
  });

  it('derives the event envelopes from the contract: what the ingest accepts validates, what it rejects does not', async () => {
    const body = docs.ingest.paths['/api/v1/events']['post'].requestBody?.content?.['application/json']?.schema as Schema;
    expectValid(docs.ingest, body, history, 'the posted history');
    // Missing dueAt: both the schema and the endpoint refuse it.
    const noDue = { ...d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), data: { procedureCode: 'P-1' } };
    expect(validatorOf(docs.ingest, body)([noDue])).toBe(false);
    const unknownType = { ...d.processed('2025-03-05T10:00:00'), type: 'dossier.teleported' };
    expect(validatorOf(docs.ingest, body)([unknownType])).toBe(false);

    const res = await platform.postEvents([...history, history[2], noDue]);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { accepted: number; duplicate: number; rejected: number };
    expect(answer).toMatchObject({ accepted: 5, duplicate: 1, rejected: 1 });
    expectValid(docs.ingest, responseSchema(docs.ingest, 'post', '/api/v1/events', 200), answer, 'the ingest answer');
  });

  it('validates the ingest and scoring answers, errors included, against their published schemas', async () => {
    const refused = await fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(refused.status).toBe(401);
    expectValid(docs.ingest, responseSchema(docs.ingest, 'post', '/api/v1/events', 401), await refused.json(), 'the 401 answer');
    const form = await fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'text/plain', ...platform.auth }, body: '[]' });
    expect(form.status).toBe(415);
    expectValid(docs.ingest, responseSchema(docs.ingest, 'post', '/api/v1/events', 415), await form.json(), 'the 415 answer');
    expectValid(docs.ingest, responseSchema(docs.ingest, 'get', '/health', 200), await (await fetch(`${platform.ingestUrl}/health`)).json(), 'ingest health');
    expectValid(docs.scoring, responseSchema(docs.scoring, 'get', '/health', 200), await (await fetch(`${platform.scoringUrl}/health`)).json(), 'scoring health');
    const login = await fetch(`${platform.ingestUrl}/api/v1/portal/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-one-stop', password: platform.apiKey }) });
    expectValid(docs.ingest, responseSchema(docs.ingest, 'post', '/api/v1/portal/login', 200), await login.json(), 'the portal login answer');
  });

  it('validates the reporting answers against their published schemas once the score moved', async () => {
    const get = async (path: string, client?: ConsoleClient): Promise<{ status: number; body: unknown }> => {
      const res = client ? await client.fetch(path) : await fetch(`${platform.reportingUrl}${path}`);
      return { status: res.status, body: await res.json() };
    };
    await waitFor(async () => ((await get(`/api/v1/units/${UNIT}/scores?period=2025-03`)).body as { hasData?: boolean }).hasData === true, { timeoutMs: 30_000 });
    const cases: [string, string, number, ConsoleClient?][] = [
      [`/api/v1/units/${UNIT}/scores?period=2025-03`, '/api/v1/units/{unitCode}/scores', 200],
      ['/api/v1/rankings?period=2025-03&level=commune&parent=HY', '/api/v1/rankings', 200],
      [`/api/v1/units/${UNIT}/trend?to=2025-03&months=3`, '/api/v1/units/{unitCode}/trend', 200],
      [`/api/v1/units/${UNIT}/explain?period=2025-03&criterion=5`, '/api/v1/units/{unitCode}/explain', 200],
      [`/api/v1/units/${UNIT}/scores/diff?period=2025-03&from=2020-01-01T00:00:00Z&to=2099-01-01T00:00:00Z`, '/api/v1/units/{unitCode}/scores/diff', 200],
      [`/api/v1/streams/dossier-${UNIT}-OA-1/events`, '/api/v1/streams/{streamId}/events', 200],
      ['/api/v1/units?q=lac%20hong', '/api/v1/units', 200],
      ['/api/v1/auth/me', '/api/v1/auth/me', 200],
      ['/health', '/health', 200],
      ['/api/v1/audit/log-seals', '/api/v1/audit/log-seals', 200],
      ['/api/v1/audit/parked', '/api/v1/audit/parked', 200, auditor],
      ['/api/v1/audit/log', '/api/v1/audit/log', 200, auditor],
      ['/api/v1/units/NO-SUCH-UNIT/scores?period=2025-03', '/api/v1/units/{unitCode}/scores', 404],
      [`/api/v1/units/${UNIT}/scores?period=2025-13`, '/api/v1/units/{unitCode}/scores', 400],
      ['/api/v1/audit/parked', '/api/v1/audit/parked', 401],
    ];
    for (const [url, path, status, client] of cases) {
      const answer = await get(url, client);
      expect({ url, status: answer.status }).toEqual({ url, status });
      expectValid(docs.reporting, responseSchema(docs.reporting, 'get', path, status), answer.body, `GET ${url} (${status})`);
    }
    const verify = await auditor.fetch('/api/v1/audit/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unitCode: UNIT, period: '2025-03' }) });
    expect(verify.status).toBe(200);
    expectValid(docs.reporting, responseSchema(docs.reporting, 'post', '/api/v1/audit/verify', 200), await verify.json(), 'the verify report');
  });
});
