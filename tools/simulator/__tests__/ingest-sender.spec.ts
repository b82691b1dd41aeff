import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DomainEvent } from '@idx/domain';
import { IngestRefused, IngestSender } from '../ingest-sender';

/** A stand-in for ingest: answers each request by the next behaviour in the list, recording the NDJSON lines it got. */
function fakeIngest(behaviours: ('drop' | 503 | 401 | 200)[]): Promise<{ server: Server; url: string; lines: string[][] }> {
  const lines: string[][] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const next = behaviours.shift() ?? 200;
      if (next === 'drop') return req.socket.destroy();
      if (next !== 200) return res.writeHead(next).end(JSON.stringify({ reason: 'busy or refused' }));
      const got = body.split('\n');
      lines.push(got);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: got.length, duplicate: 0, rejected: 0, results: [] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines })));
}

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ eventId: `e${i}` }) as unknown as DomainEvent);

describe('the simulator\'s ingest sender', () => {
  it('sends in batches of the asked size, each event once', async () => {
    const ingest = await fakeIngest([]);
    try {
      const sender = new IngestSender(ingest.url, 'k', 3);
      await sender.add(events(7));
      await sender.flush();
      expect(ingest.lines.map((l) => l.length).sort()).toEqual([1, 3, 3]);
      expect(sender.sent).toEqual({ sent: 7, accepted: 7, duplicate: 0, rejected: 0 });
    } finally {
      ingest.server.close();
    }
  });

  it('re-sends a batch whose connection dropped or that was answered 503 (ids are stable: a stored one comes back duplicate)', async () => {
    const ingest = await fakeIngest(['drop', 503, 200]);
    try {
      const sender = new IngestSender(ingest.url, 'k', 10);
      await sender.add(events(4));
      await sender.flush();
      expect(ingest.lines).toHaveLength(1);
      expect(sender.sent.sent).toBe(4);
    } finally {
      ingest.server.close();
    }
  }, 20_000);

  it('stops at once on a refused key, with ingest\'s reason', async () => {
    const ingest = await fakeIngest([401]);
    try {
      const sender = new IngestSender(ingest.url, 'wrong', 10);
      await sender.add(events(2));
      await expect(sender.flush()).rejects.toThrow(IngestRefused);
    } finally {
      ingest.server.close();
    }
  });
});
