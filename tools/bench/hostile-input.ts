import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { type DomainEvent, referenceUnitEvents, REFERENCE_SOURCE_SYSTEM } from '@idx/domain';
import { migrateDatabase } from '@idx/read-models';
import { hostileEvents, nestedJson } from '@idx/testing';
import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startReporting } from '../../apps/reporting/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator, SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { createWriterKey } from '../testing/writer-key';
import { arg, benchDatabase, machineLine } from './bench-support';
import { hostileReportingRequests } from '../testing/hostile-reporting-requests';

/**
 * The hostile-input run of issue 8: ≥ 10,000 hostile inputs over HTTP against the three services on
 * a fresh embedded PostgreSQL, mixed with good events. Counts what a person should see:
 * answered with a reason, kept (dead letters), 5xx (must be 0), good events lost (must be 0).
 *   npm run bench -- hostile-input --rounds=1
 */

interface Tally {
  inputs: number;
  withReason: number;
  withoutReason: number;
  serverErrors: number;
  shouldBeKept: string[]; // sha256 of each rejected item's bytes
  byFamily: Map<string, number>;
  failures: string[];
}

const tally: Tally = { inputs: 0, withReason: 0, withoutReason: 0, serverErrors: 0, shouldBeKept: [], byFamily: new Map(), failures: [] };
const goodIds: string[] = [];

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function count(family: string, ok: boolean, status: number, label: string, detail: string): void {
  tally.inputs += 1;
  tally.byFamily.set(family, (tally.byFamily.get(family) ?? 0) + 1);
  if (status >= 500) tally.serverErrors += 1;
  if (ok) tally.withReason += 1;
  else {
    tally.withoutReason += 1;
    if (tally.failures.length < 20) tally.failures.push(`${family} ${label}: HTTP ${status} ${detail.slice(0, 200)}`);
  }
}

function reasonOf(body: unknown): string | undefined {
  const b = body as { reason?: unknown; message?: unknown; error?: unknown };
  const r = b?.reason ?? b?.message ?? b?.error;
  return typeof r === 'string' && r.trim().length > 0 ? r : undefined;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { reason: undefined, raw: text };
  }
}

function urlOf(app: INestApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
}

function progress(label: string, done: number, total: number): void {
  if (done % 250 === 0 || done === total) process.stderr.write(`\r  ${label}: ${done}/${total}   ${done === total ? '\n' : ''}`);
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 1);
  const perRequest = arg('perRequest', 8);
  console.log(machineLine());
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  await migrateDatabase(pool);
  Object.assign(process.env, {
    DATABASE_URL: db.url, INGEST_PORT: '0', SCORING_PORT: '0', REPORTING_PORT: '0', LOG_LEVELS: 'error',
    INGEST_MAX_BODY_BYTES: String(4 * 1024 * 1024), READS_PUBLIC: 'true', WEB_DIST_DIR: '/nonexistent',
  });
  const apps = [await startIngest(), await startScoring(), await startReporting()];
  const [ingestUrl, scoringUrl, reportingUrl] = apps.map(urlOf);
  const registryKey = await createWriterKey(pool, { sourceSystem: REFERENCE_SOURCE_SYSTEM, manageUnits: true });
  const writerKey = await createWriterKey(pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM, manageUnits: false });
  const hyKey = await createWriterKey(pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM, units: ['HY25'], manageUnits: false });

  const post = (body: Buffer | string, headers: Record<string, string>) =>
    fetch(`${ingestUrl}/api/v1/events`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const asWriter = (type = 'application/json', key = writerKey) => ({ 'content-type': type, authorization: `Bearer ${key}` });

  const units = await post(JSON.stringify(referenceUnitEvents()), asWriter('application/json', registryKey));
  if (units.status !== 200) throw new Error(`reference units refused: ${units.status} ${await units.text()}`);

  const gen = new DossierGenerator();
  const now = Date.now();
  const goodPool: DomainEvent[] = [];
  /** A good event; `tracked` ones must be stored at the end (those sent only as the base of a refused request are not). */
  const nextGood = (tracked = true): DomainEvent => {
    if (goodPool.length === 0) {
      const unit = DEMO_UNITS[Math.floor(Math.random() * DEMO_UNITS.length)];
      goodPool.push(...gen.dossier(unit, now - 5 * 86_400_000 * Math.random() - 3_600_000, 3 * 86_400_000, now).due);
    }
    const e = goodPool.shift() as DomainEvent;
    if (tracked) goodIds.push(e.eventId);
    return e;
  };

  // 1. Hostile event items, each among good neighbours (JSON arrays) or as an NDJSON line among good lines.
  const items = Array.from({ length: rounds }, (_, r) => hostileEvents(r)).flat();
  console.log(`hostile event items: ${items.length} (${rounds} rounds of the corpus), ${perRequest} per request among as many good events`);
  for (let i = 0; i < items.length; i += perRequest) {
    const group = items.slice(i, i + perRequest);
    const framed = group.every((g) => g.keepsNeighbours);
    const parts: Buffer[] = [];
    const kinds: ('good' | number)[] = [];
    group.forEach((g, n) => {
      parts.push(Buffer.from(JSON.stringify(nextGood())));
      kinds.push('good');
      parts.push(g.raw);
      kinds.push(n);
    });
    const body = framed
      ? Buffer.concat([Buffer.from('['), ...parts.flatMap((p, n) => (n === 0 ? [p] : [Buffer.from(','), p])), Buffer.from(']')])
      : Buffer.concat(parts.flatMap((p, n) => (n === 0 ? [p] : [Buffer.from('\n'), p])));
    const res = await post(body, asWriter(framed ? 'application/json' : 'application/x-ndjson'));
    const answer = (await readJson(res)) as { results?: { status: string; reason?: string }[] };
    kinds.forEach((kind, n) => {
      if (kind === 'good') return;
      const item = group[kind];
      const result = answer.results?.[n];
      const ok = res.status === 200 && result?.status === 'rejected' && typeof result.reason === 'string' && result.reason.length > 0;
      count(item.family, ok, res.status, item.label, JSON.stringify(result ?? answer));
      tally.shouldBeKept.push(sha256(item.raw));
    });
    kinds.forEach((kind, n) => {
      if (kind !== 'good') return;
      const result = answer.results?.[n];
      if (result?.status !== 'accepted' && result?.status !== 'duplicate' && tally.failures.length < 20) {
        tally.failures.push(`good neighbour not accepted: ${JSON.stringify(result)}`);
      }
    });
    progress('event items', Math.min(i + perRequest, items.length), items.length);
  }

  // 2. Hostile requests to ingest: credentials, content types, framing, sizes, scope, conflicts.
  const requests = ingestRequestCases({ writerKey, hyKey, nextGood, nested: nestedJson });
  for (const [n, c] of requests.entries()) {
    const res = await post(c.body, c.headers);
    const answer = await readJson(res);
    if (c.good) {
      if (res.status !== 200) tally.failures.push(`good request refused: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
      continue;
    }
    const reason = reasonOf(answer) ?? (answer as { results?: { reason?: string }[] }).results?.find((r) => r.reason)?.reason;
    const ok = res.status >= 400 && res.status < 500 ? reason !== undefined
      : res.status === 200 && ((answer as { results?: { status: string; reason?: string }[] }).results ?? []).some((r) => (r.status === 'rejected' || r.status === 'conflict') && !!r.reason);
    count(`ingest:${c.family}`, ok, res.status, c.label, JSON.stringify(answer));
    if (c.kept) tally.shouldBeKept.push(sha256(c.keptBytes ?? c.body));
    progress('ingest requests', n + 1, requests.length);
  }

  // 3. Hostile reporting queries: every one a 4xx with a reason.
  const known = ['HY', 'HY25', ...DEMO_UNITS.slice(0, 6).map((u) => u.code)];
  const queries = [...new Set(known)].flatMap((code) => hostileReportingRequests(code));
  for (const [n, q] of queries.entries()) {
    const body = q.body === undefined ? undefined : typeof q.body === 'string' ? q.body : JSON.stringify(q.body);
    const res = await fetch(`${reportingUrl}${q.path}`, { method: q.method ?? 'GET', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
    const answer = await readJson(res);
    count('reporting', res.status >= 400 && res.status < 500 && reasonOf(answer) !== undefined, res.status, `${q.what}: ${q.method ?? 'GET'} ${q.path}`, JSON.stringify(answer));
    progress('reporting queries', n + 1, queries.length);
  }

  // What was kept, what was lost, and whether scoring still runs.
  const kept = await pool.query<{ n: string }>(
    `SELECT count(DISTINCT encode(raw_sha256, 'hex'))::text AS n FROM dead_letters WHERE encode(raw_sha256, 'hex') = ANY($1::text[])`,
    [[...new Set(tally.shouldBeKept)]],
  );
  const stored = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events WHERE event_id = ANY($1::uuid[])', [goodIds]);
  const health = (await (await fetch(`${scoringUrl}/health`)).json()) as { status: string };
  for (const app of apps.reverse()) await app.close();
  await pool.end();
  await db.stop();

  const keptCount = Number(kept.rows[0].n);
  const expectedKept = new Set(tally.shouldBeKept).size;
  const lost = goodIds.length - Number(stored.rows[0].n);
  console.log('by family:', [...tally.byFamily.entries()].map(([f, n]) => `${f} ${n}`).join(', '));
  if (tally.failures.length > 0) console.log(`first failures:\n  ${tally.failures.join('\n  ')}`);
  console.log(`RESULT hostile-input: ${tally.inputs} hostile inputs; answered with a reason ${tally.withReason}; without ${tally.withoutReason}; `
    + `5xx ${tally.serverErrors}; rejected writes kept ${keptCount}/${expectedKept} distinct; good events sent ${goodIds.length}, lost ${lost}; scoring ${health.status}`);
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (tally.serverErrors > 0 || lost > 0 || tally.withoutReason > 0 || keptCount < expectedKept) process.exitCode = 1;
}

interface IngestCase {
  readonly family: string;
  readonly label: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** Its bytes must be in dead_letters afterwards. */
  readonly kept: boolean;
  /** The bytes kept, where they are one event of the batch rather than the whole body. */
  readonly keptBytes?: Buffer;
  /** A good request the case needs first (answered 200, not counted). */
  readonly good?: boolean;
}

/** A batch of one event: its bytes, as an array element, are what ingest keeps when it refuses it. */
function oneEvent(event: unknown): { body: Buffer; kept: true; keptBytes: Buffer } {
  const item = Buffer.from(JSON.stringify(event));
  return { body: Buffer.concat([Buffer.from('['), item, Buffer.from(']')]), kept: true, keptBytes: item };
}

function ingestRequestCases(c: { writerKey: string; hyKey: string; nextGood: (tracked?: boolean) => DomainEvent; nested: (n: number, k?: 'object' | 'array') => string }): IngestCase[] {
  const out: IngestCase[] = [];
  const good = () => Buffer.from(JSON.stringify([c.nextGood(false)]));
  const json = { 'content-type': 'application/json' };
  for (let i = 0; i < 20; i++) {
    out.push({ family: 'no-credential', label: 'no Authorization header', headers: json, body: good(), kept: true });
    out.push({ family: 'bad-credential', label: 'unknown key', headers: { ...json, authorization: `Bearer qd766_${'x'.repeat(20 + i)}` }, body: good(), kept: true });
    out.push({ family: 'bad-credential', label: 'Basic scheme', headers: { ...json, authorization: 'Basic YWRtaW46YWRtaW4=' }, body: good(), kept: true });
  }
  const auth = { authorization: `Bearer ${c.writerKey}` };
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/xml']) {
    for (let i = 0; i < 4; i++) out.push({ family: 'content-type', label: type, headers: { 'content-type': type, ...auth }, body: good(), kept: false });
  }
  const bodies: [string, Buffer][] = [
    ['not JSON', Buffer.from('hello')], ['truncated array', Buffer.from('[{"eventId":')], ['JSON number', Buffer.from('42')],
    ['JSON string', Buffer.from('"x"')], ['null', Buffer.from('null')],
    ['10,000-deep array', Buffer.from(c.nested(10_000, 'array'))], ['10,000-deep object', Buffer.from(c.nested(10_000))],
    ['invalid UTF-8 body', Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d])], ['BOM then garbage', Buffer.from([0xef, 0xbb, 0xbf, 0x7b])],
    ['over the body limit', Buffer.alloc(5 * 1024 * 1024, 0x20)],
  ];
  for (const [label, body] of bodies) for (let i = 0; i < 5; i++) out.push({ family: 'body', label, headers: { ...json, ...auth }, body, kept: false });
  for (let i = 0; i < 20; i++) {
    out.push({ family: 'header', label: 'X-Source-System 10 KB', headers: { ...json, ...auth, 'x-source-system': 'v'.repeat(10_000) }, body: Buffer.from(`[${'{'}]`), kept: false });
  }
  for (let i = 0; i < 100; i++) {
    const e = c.nextGood(false) as DomainEvent & { unitCode: string };
    const unknownUnit = { ...e, eventId: crypto.randomUUID(), unitCode: ['toString', 'constructor', '__proto__', 'NO-SUCH-UNIT', `X${i}`][i % 5] };
    out.push({ family: 'unknown-unit', label: unknownUnit.unitCode, headers: { ...json, ...auth }, ...oneEvent(unknownUnit) });
    const outside = DEMO_UNITS.find((u) => !u.code.startsWith('HY')) ?? DEMO_UNITS[0];
    const foreign = { ...e, eventId: crypto.randomUUID(), unitCode: outside.code };
    out.push({ family: 'outside-scope', label: `HY25 key writes ${outside.code}`, headers: { ...json, authorization: `Bearer ${c.hyKey}` }, ...oneEvent(foreign) });
    const dissolve = { eventId: crypto.randomUUID(), type: 'unit.dissolved', schemaVersion: 1, occurredAt: new Date().toISOString(), sourceSystem: SIMULATOR_SOURCE_SYSTEM, unitCode: 'HY25', data: {} };
    out.push({ family: 'unit-lifecycle', label: 'unit.dissolved without the right', headers: { ...json, ...auth }, ...oneEvent(dissolve) });
    const original = c.nextGood();
    // The original is a good event (stored first, not counted as hostile); its changed twin is the input.
    out.push({ family: 'conflict', label: 'original', headers: { ...json, ...auth }, body: Buffer.from(JSON.stringify([original])), kept: false, good: true });
    const changed = { ...original, occurredAt: original.occurredAt.replace(/:(\d\d)([+-Z])/, (_m, s: string, z: string) => `:${String((Number(s) + 1) % 60).padStart(2, '0')}${z}`) };
    out.push({ family: 'conflict', label: 'same eventId, other content', headers: { ...json, ...auth }, ...oneEvent(changed) });
  }
  return out;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
