import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@idx/testing';
import { SseBroadcaster } from '../sse/sse-broadcaster';
import { SSE_DEFAULTS, sseLimits } from '../sse/sse-limits';

/** Reads a stream's text until `done` says it has seen enough, or the server ends it. */
function listen(port: number): { text: () => string; status: Promise<number>; ended: Promise<void>; close(): void; pause(): void } {
  let text = '';
  let resolveStatus!: (n: number) => void;
  let resolveEnded!: () => void;
  const status = new Promise<number>((r) => { resolveStatus = r; });
  const ended = new Promise<void>((r) => { resolveEnded = r; });
  let paused = false;
  const req = request({ port, host: '127.0.0.1', path: '/' }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    res.on('data', (c: string) => { text += c; });
    res.on('end', () => resolveEnded());
    res.on('close', () => resolveEnded());
    if (paused) res.pause();
  });
  req.on('error', () => resolveEnded());
  req.end();
  return { text: () => text, status, ended, close: () => req.destroy(), pause: () => { paused = true; } };
}

describe('SseBroadcaster (real HTTP)', () => {
  let server: Server;
  let port: number;
  let hub: SseBroadcaster;

  const start = async (limits: Partial<typeof SSE_DEFAULTS>) => {
    hub = new SseBroadcaster({ ...SSE_DEFAULTS, ...limits });
    server = createServer((req, res) => hub.open(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  };
  afterEach(async () => {
    hub.closeAll();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('sends the retry hint, heartbeats and messages; caps connections with 503 and a reason', async () => {
    await start({ maxConnections: 2, heartbeatMs: 30, retryMs: 3000 });
    const a = listen(port);
    const b = listen(port);
    expect(await Promise.all([a.status, b.status])).toEqual([200, 200]);
    await waitFor(() => hub.connections === 2, { what: 'two connections' });
    const c = listen(port);
    expect(await c.status).toBe(503);
    await c.ended;
    expect(JSON.parse(c.text())).toMatchObject({ reason: expect.stringContaining('SSE_MAX_CONNECTIONS') });

    hub.send('score-changed', { unitCode: 'HY', total: 70.5 });
    await waitFor(() => a.text().includes(': heartbeat') && a.text().includes('event: score-changed\ndata: {"unitCode":"HY","total":70.5}\n\n'), { what: 'a heartbeat and the message' });
    expect(a.text().startsWith('retry: 3000\n\n')).toBe(true);

    a.close();
    b.close();
    await waitFor(() => hub.connections === 0, { what: 'both connections forgotten' });
    expect(hub.heartbeatRunning).toBe(false);
  });

  it('ends a connection at its maximum lifetime with a reason, and forgets it', async () => {
    await start({ maxLifetimeMs: 150 });
    const a = listen(port);
    await a.status;
    await a.ended;
    expect(a.text()).toContain(': max lifetime reached');
    expect(hub.connections).toBe(0);
    expect(hub.heartbeatRunning).toBe(false);
  });

  it('drops a client that does not read what it is sent', async () => {
    await start({ maxBufferedBytes: 64 * 1024 });
    const slow = listen(port);
    slow.pause();
    await slow.status;
    await waitFor(() => hub.connections === 1, { what: 'the slow client connected' });
    const big = 'x'.repeat(16 * 1024);
    await waitFor(() => {
      hub.send('score-changed', { big });
      return hub.connections === 0;
    }, { what: 'the slow client to be dropped' });
    slow.close();
  });

  it('reads its limits from the environment and refuses nonsense', () => {
    expect(sseLimits({})).toEqual(SSE_DEFAULTS);
    expect(sseLimits({ SSE_MAX_CONNECTIONS: '5', SSE_MAX_LIFETIME_MS: '1000' })).toMatchObject({ maxConnections: 5, maxLifetimeMs: 1000 });
    expect(() => sseLimits({ SSE_MAX_CONNECTIONS: '-1' })).toThrow('SSE_MAX_CONNECTIONS');
  });
});
