import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { workspaceRoot } from '@idx/event-store';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

interface RawAnswer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET whose body is kept as sent on the wire (fetch would decompress it and hide the size). */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

/** The console's static files stand in for a build: an index page and a minified script of real JavaScript (rxjs, ~90 kB). */
function consoleDir(): { dir: string; script: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'qd766-console-'));
  const script = readFileSync(join(workspaceRoot(), 'node_modules/rxjs/dist/bundles/rxjs.umd.min.js'));
  writeFileSync(join(dir, 'main.js'), script);
  writeFileSync(join(dir, 'main-MR6G4FQD.js'), script);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script src="main.js"></script></head><body></body></html>');
  return { dir, script };
}

describe('compressed answers: JSON and the console when the client accepts gzip, never the event stream (real HTTP)', () => {
  let platform: RunningPlatform;
  let script: Buffer;
  const explainPath = '/api/v1/units/HY-STP/explain?period=2025-03&criterion=4';

  beforeAll(async () => {
    const web = consoleDir();
    script = web.script;
    platform = await startPlatform({ webDistDir: web.dir });
    const d = (c: string) => dossierEvents('HY-STP', c);
    const res = await platform.postEvents([
      unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
      ...Array.from({ length: 20 }, (_, i) => d(`D${i}`).received('2025-03-03T08:00:00', '2025-03-10T17:00:00')),
    ]);
    expect(res.status).toBe(200);
    await waitFor(async () => (await (await fetch(`${platform.reportingUrl}${explainPath}`)).json() as { totals?: { items: number } }).totals?.items === 20, {
      what: 'March projected',
    });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('gzips a JSON answer for a client that accepts it, and sends it plain to one that does not', async () => {
    const zipped = await rawGet(`${platform.reportingUrl}${explainPath}`, { 'accept-encoding': 'gzip' });
    const plain = await rawGet(`${platform.reportingUrl}${explainPath}`, {});
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toContain('Accept-Encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const unzipped = gunzipSync(zipped.body);
    expect(JSON.parse(unzipped.toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    // 20 dossiers' facts repeat the same keys: well under half the size on the wire.
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    console.log(`explain JSON (20 items): ${plain.body.length} B plain, ${zipped.body.length} B gzip`);
  });

  it("compresses the console's script, sends it plain without Accept-Encoding, and the small index page as is", async () => {
    const zipped = await rawGet(`${platform.reportingUrl}/main.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toMatch(/^(gzip|br)$/);
    const plain = await rawGet(`${platform.reportingUrl}/main.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
    expect(zipped.body.length).toBeLessThan(script.length / 3);
    console.log(`console script: ${script.length} B plain, ${zipped.body.length} B ${String(zipped.headers['content-encoding'])}`);
    const page = await rawGet(`${platform.reportingUrl}/xep-hang`, { accept: 'text/html', 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    // Under the 1 KiB threshold: sent as is, gzip would cost more than it saves.
    expect(page.headers['content-encoding']).toBeUndefined();
  });

  it('caches content-hashed bundles for a year and revalidates the index page', async () => {
    const hashed = await rawGet(`${platform.reportingUrl}/main-MR6G4FQD.js`, { 'accept-encoding': 'gzip' });
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const unhashed = await rawGet(`${platform.reportingUrl}/main.js`, {});
    expect(unhashed.headers['cache-control']).toBe('public, max-age=3600');
    const page = await rawGet(`${platform.reportingUrl}/don-vi/HY-STP`, { accept: 'text/html' });
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('compresses a content-hashed bundle once, more tightly than per request, with its length, for br and gzip clients', async () => {
    const bundle = `${platform.reportingUrl}/main-MR6G4FQD.js`;
    const perRequest = await rawGet(`${platform.reportingUrl}/main.js`, { 'accept-encoding': 'br' });
    // The first asks start the bundle's one-off compression; once made, answers carry its length.
    const br = await waitFor(async () => {
      const a = await rawGet(bundle, { 'accept-encoding': 'gzip, br' });
      return a.headers['content-length'] !== undefined && a;
    }, { what: 'the bundle served from its compressed copy' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);
    expect(perRequest.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(perRequest.body.length);
    console.log(`hashed bundle: br once ${br.body.length} B, br per request ${perRequest.body.length} B`);

    const gz = await rawGet(bundle, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(script)).toBe(true);
    for (const headers of [{ 'accept-encoding': 'identity' }, {}, { 'accept-encoding': 'br;q=0, gzip;q=0' }] as Record<string, string>[]) {
      const plain = await rawGet(bundle, headers);
      expect({ headers, encoding: plain.headers['content-encoding'] }).toEqual({ headers, encoding: undefined });
      expect(plain.body.equals(script)).toBe(true);
    }
  });

  it('gzips on ingest and scoring too (the OpenAPI document)', async () => {
    for (const url of [platform.ingestUrl, platform.scoringUrl, platform.reportingUrl]) {
      const doc = await rawGet(`${url}/api/docs-json`, { 'accept-encoding': 'gzip' });
      expect({ url, status: doc.status, encoding: doc.headers['content-encoding'] }).toEqual({ url, status: 200, encoding: 'gzip' });
    }
  });

  it('does not compress (so does not hold back) the score stream: a change arrives while the stream stays open', async () => {
    const frames: string[] = [];
    let encoding: string | undefined;
    const req = request(`${platform.reportingUrl}/api/v1/stream`, { headers: { 'accept-encoding': 'gzip, deflate, br', accept: 'text/event-stream' } }, (res) => {
      encoding = res.headers['content-encoding'] as string | undefined;
      res.on('data', (c: Buffer) => frames.push(c.toString('utf8')));
    });
    req.end();
    await waitFor(() => frames.join('').includes('retry:'), { what: 'the stream opened' });
    const postedAt = Date.now();
    expect((await platform.postEvents([dossierEvents('HY-STP', 'LIVE').received('2025-03-07T08:00:00', '2025-03-14T17:00:00')])).status).toBe(200);
    // A compressor would keep this one small message in its buffer until more came: it would never show.
    await waitFor(() => frames.join('').includes('"unitCode":"HY-STP","period":"2025-03"'), { what: 'a score-changed message for HY-STP 2025-03', timeoutMs: 15_000 });
    console.log(`score-changed arrived ${Date.now() - postedAt} ms after the event was posted`);
    expect(encoding).toBeUndefined();
    expect(frames.join('')).toContain('event: score-changed');
    req.destroy();
  });
});
