import { request as httpRequest, type ClientRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

const LIMITS = {
  // Scoring gets tight limits for the rate-limit and timeout checks; ingest a tight concurrency bound.
  SCORING_RATE_LIMIT_MAX: '5', SCORING_RATE_LIMIT_IP_MAX: '12', SCORING_RESPONSE_TIMEOUT_MS: '1000',
  INGEST_MAX_CONCURRENT_REQUESTS: '3',
  SSE_HEARTBEAT_MS: '200',
};

interface Health { stream: { connections: number; maxConnections: number } }

/** A POST whose body is started and not finished: it holds its request slot until `finish`. */
function slowPost(url: string, path: string, contentType: string, headers: Record<string, string> = {}): { req: ClientRequest; answer: Promise<number>; finish(rest: string): void } {
  const u = new URL(path, url);
  let resolve!: (status: number) => void;
  const answer = new Promise<number>((r) => { resolve = r; });
  const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': contentType, ...headers } }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode ?? 0));
  });
  req.on('error', () => resolve(-1));
  req.write('[');
  return { req, answer, finish: (rest: string) => req.end(rest) };
}

describe('HTTP hardening of the three services (real HTTP, real PostgreSQL)', () => {
  let platform: RunningPlatform;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, LIMITS);
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
    process.env = saved;
  });

  const services = () => [['ingest', platform.ingestUrl], ['scoring', platform.scoringUrl], ['reporting', platform.reportingUrl]] as const;

  it('sends the security headers and no X-Powered-By, on answers and on errors', async () => {
    for (const [name, url] of services()) {
      for (const path of ['/health', '/no/such/route']) {
        const res = await fetch(`${url}${path}`);
        const h = Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'strict-transport-security', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'x-powered-by'].map((k) => [k, res.headers.get(k)]));
        expect({ name, path, ...h }).toMatchObject({
          name, path, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer',
          'strict-transport-security': expect.stringContaining('max-age='), 'cross-origin-opener-policy': 'same-origin',
          'cross-origin-resource-policy': 'same-origin', 'x-powered-by': null,
          'content-security-policy': expect.stringContaining("script-src 'self'"),
        });
        expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(h['content-security-policy']).not.toContain('upgrade-insecure-requests');
      }
    }
    const missing = await fetch(`${platform.reportingUrl}/no/such/route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ reason: expect.stringContaining('/no/such/route') });
  });

  it('listens on loopback only by default', async () => {
    const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    for (const [, url] of services()) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      if (!outside) continue;
      const port = new URL(url).port;
      await expect(fetch(`http://${outside.address}:${port}/health`)).rejects.toThrow();
    }
  });

  it.each([
    ['text/plain', 415], ['application/x-www-form-urlencoded', 415], ['multipart/form-data; boundary=x', 415], ['', 415],
    ['application/json; charset=iso-8859-1', 415], ['application/xml', 415],
    ['application/json', 200], ['application/json; charset=utf-8', 200], ['application/x-ndjson', 200], ['application/jsonl', 200],
  ])('ingest with content type "%s" → %i', async (contentType, status) => {
    const res = await fetch(`${platform.ingestUrl}/api/v1/events`, {
      method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body: contentType.includes('ndjson') || contentType.includes('jsonl') ? '\n' : '[]',
    });
    // What matters is that a non-JSON type never reaches the parser (an empty batch is fine).
    if (status === 415) {
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/application\/json|UTF-8/) });
    } else {
      expect(res.status).not.toBe(415);
    }
  });

  it('sends no CORS headers: a cross-site preflight gets no Access-Control-Allow-Origin', async () => {
    for (const [, url] of services()) {
      const preflight = await fetch(`${url}/api/v1/events`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    }
    const read = await fetch(`${platform.reportingUrl}/health`, { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 503 with Retry-After and a reason when a handler does not answer in time', async () => {
    const started = Date.now();
    const res = await new Promise<{ status: number; retryAfter?: string; body: string }>((resolve) => {
      const u = new URL(platform.scoringUrl);
      const req = httpRequest({ host: u.hostname, port: u.port, path: '/anything', method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer timeout-probe' } }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => { body += c.toString(); });
        r.on('end', () => resolve({ status: r.statusCode ?? 0, retryAfter: r.headers['retry-after'] as string | undefined, body }));
      });
      req.write('{');
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(res.status).toBe(503);
    expect(res.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(res.body)).toMatchObject({ reason: expect.stringContaining('RESPONSE_TIMEOUT_MS') });
  });

  it('rate-limits per credential, then per address however many credentials a client invents; health is exempt', async () => {
    const get = (token: string) => fetch(`${platform.scoringUrl}/anything`, { headers: { authorization: `Bearer ${token}` } });
    // The checks above used a few of this address's 12 requests already (health is not counted).
    for (let i = 0; i < 5; i++) expect((await get('token-a')).status).toBe(404);
    const limited = await get('token-a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ reason: expect.stringContaining('for this credential') });
    expect((await get('token-b')).status).toBe(404);
    expect((await fetch(`${platform.scoringUrl}/health`)).status).toBe(200);

    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8 && last?.status !== 429; i++) {
      last = await get(`invented-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(await (last as Response).json()).toMatchObject({ reason: expect.stringContaining('from this address') });
    expect((await fetch(`${platform.scoringUrl}/health`)).status).toBe(200);
  });

  it('bounds concurrent requests: one over the bound gets 503 at once, with Retry-After and a reason', async () => {
    const held = [1, 2, 3].map(() => slowPost(platform.ingestUrl, '/api/v1/events', 'application/json', platform.auth));
    const probe = () => fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    const answered: number[] = [];
    for (const h of held) void h.answer.then((status) => answered.push(status));
    try {
      // On a loaded machine the held requests can take a while to reach the server: wait until its health counts them.
      await waitFor(async () => {
        if (answered.length) throw new Error(`a held request was answered before its body was finished: ${answered.join(', ')}`);
        const health = (await (await fetch(`${platform.ingestUrl}/health`)).json()) as { requests: { inFlight: number; maxConcurrent: number } };
        return health.requests.inFlight === 3 && health.requests.maxConcurrent === 3;
      }, { what: 'ingest health to count the 3 held requests', timeoutMs: 60_000 });
      const busy = await probe();
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toMatchObject({ reason: expect.stringContaining('MAX_CONCURRENT_REQUESTS') });
    } finally {
      // Finished whatever happened, so a failure here never leaves the server unable to close.
      for (const h of held) h.finish(']');
    }
    expect(await Promise.all(held.map((h) => h.answer))).toEqual([200, 200, 200]);
    await waitFor(async () => (await probe()).status !== 503, { what: 'a slot to be free again' });
    expect(((await (await fetch(`${platform.ingestUrl}/health`)).json()) as { requests: { inFlight: number } }).requests.inFlight).toBe(0);
  }, 120_000);

  it('caps live-stream connections, sends heartbeats and a retry hint, and forgets every closed connection', async () => {
    const health = async () => ((await (await fetch(`${platform.reportingUrl}/health`)).json()) as Health).stream;
    expect(await health()).toEqual({ connections: 0, maxConnections: 200 });

    const aborts: AbortController[] = [];
    const opened = await Promise.all(Array.from({ length: 300 }, async () => {
      const abort = new AbortController();
      aborts.push(abort);
      const res = await fetch(`${platform.reportingUrl}/api/v1/stream`, { signal: abort.signal });
      if (res.status !== 200) return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() as { reason?: string } };
      return { status: res.status, res };
    }));
    const refused = opened.filter((o) => o.status === 503);
    expect(opened.filter((o) => o.status === 200)).toHaveLength(200);
    expect(refused).toHaveLength(100);
    expect(refused[0]).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/), body: { reason: expect.stringContaining('SSE_MAX_CONNECTIONS') } });
    expect(await health()).toEqual({ connections: 200, maxConnections: 200 });

    // One open connection: the retry hint first, then heartbeat comments.
    const first = opened.find((o) => o.status === 200) as { res: Response };
    const reader = (first.res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    await waitFor(async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return text.includes(': heartbeat');
    }, { what: 'a heartbeat comment' });
    expect(text.startsWith('retry: ')).toBe(true);

    for (const a of aborts) a.abort();
    await waitFor(async () => (await health()).connections === 0, { what: 'every closed connection to be forgotten' });
    const again = await fetch(`${platform.reportingUrl}/api/v1/stream`);
    expect(again.status).toBe(200);
    await again.body?.cancel();
    await waitFor(async () => (await health()).connections === 0, { what: 'the last connection to be forgotten' });
  });
});
