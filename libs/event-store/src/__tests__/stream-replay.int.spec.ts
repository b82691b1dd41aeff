import { type DomainEvent, streamIdOf } from '@idx/domain';
import { createTestDatabase, dossierEvents, type TestDatabase, waitFor } from '@idx/testing';
import { applySqlMigrations } from '../postgres/migrations';
import { eventStoreMigrationsDir } from '../workspace-root';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { type ReplayEvent, START } from '../port';

/** Three events of one dossier: received, supplement requested, processed. */
const lifecycle = (unit: string, code: string, procedureCode = 'P-1'): DomainEvent[] => {
  const d = dossierEvents(unit, code);
  return [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online', procedureCode), d.supplementRequested('2025-03-04T08:00:00'), d.processed('2025-03-05T08:00:00')];
};

async function collect(store: PostgresEventStore, pageSize: number) {
  const replay = await store.replayByStream(pageSize);
  const pages: (readonly ReplayEvent[])[] = [];
  for await (const page of replay.pages) pages.push(page);
  return { checkpoint: replay.checkpoint, pages, events: pages.flat() };
}

describe('replayByStream (real server): the whole log, stream by stream', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('stream_replay');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('answers an empty log with no pages and the start as checkpoint', async () => {
    const { checkpoint, events } = await collect(store, 10);
    expect(events).toEqual([]);
    expect(checkpoint).toEqual(START);
  });

  it('gives every committed event once, each stream together and in version order, with its payload, position and transaction', async () => {
    // Six writers interleave their dossiers' events, so the log's order mixes streams.
    const awkward = 'P-\\ "Sở Tư pháp"\t😀';
    await Promise.all(Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 10; i += 1) {
        const events = lifecycle('HY', `by-stream-${w}-${i}`, i === 3 ? awkward : 'P-1');
        for (const event of events) await store.appendMany([{ streamId: streamIdOf(event), event }, { streamId: streamIdOf(event), event }]);
      }
    }));
    const log = (await store.readForReplay(START, 1_000_000)).events;
    expect(log).toHaveLength(180);
    for (const pageSize of [1, 7, 1000]) {
      const { checkpoint, pages, events } = await collect(store, pageSize);
      expect(pages.every((p, i) => p.length === pageSize || (i === pages.length - 1 && p.length <= pageSize))).toBe(true);
      // The same events (id, payload, position, transaction), each once.
      const byId = new Map(log.map((e) => [e.event.eventId, e]));
      expect(events).toHaveLength(log.length);
      for (const e of events) expect(e).toEqual(byId.get(e.event.eventId));
      // Grouped: a stream never comes back once another began; inside it, the log's own order.
      const streams = events.map((e) => streamIdOf(e.event));
      const runs = streams.filter((s, i) => i === 0 || s !== streams[i - 1]);
      expect(new Set(runs).size).toBe(runs.length);
      expect(runs).toHaveLength(60);
      for (const stream of runs) {
        const mine = events.filter((e) => streamIdOf(e.event) === stream).map((e) => e.globalPosition);
        expect(mine).toEqual([...mine].sort((a, b) => Number(a - b)));
        expect(mine).toHaveLength(3);
      }
      // The checkpoint is the log's last event: reading on from it finds nothing yet.
      const last = log[log.length - 1];
      expect(checkpoint).toEqual({ transactionId: last.transactionId, position: last.globalPosition });
      expect((await store.readForReplay(checkpoint, 10)).events).toEqual([]);
    }
    expect(log.filter((e) => (e.event as { data: { procedureCode?: string } }).data.procedureCode === awkward)).toHaveLength(6);
  });

  it('leaves out what a transaction still running may still precede, and its checkpoint reads on to it', async () => {
    const before = (await store.readForReplay(START, 1_000_000)).events.length;
    const open = await db.pool.connect();
    try {
      // A transaction of this database holding an id: everything committed after it is above the horizon.
      await open.query('BEGIN');
      await open.query('SELECT pg_current_xact_id()');
      const later = lifecycle('HY', 'after-the-horizon');
      await store.appendMany(later.map((event) => ({ streamId: streamIdOf(event), event })));
      const { checkpoint, events } = await collect(store, 50);
      expect(events).toHaveLength(before);
      expect(events.some((e) => later.some((l) => l.eventId === e.event.eventId))).toBe(false);
      await open.query('COMMIT');
      const next = (await store.readForReplay(checkpoint, 100)).events.map((e) => e.event.eventId);
      expect(next).toEqual(later.map((e) => e.eventId));
    } finally {
      open.release();
    }
  });

  it('ends the connection of a reader that stops early: no COPY is left running on the server', async () => {
    const { pages } = await collect(store, 1);
    expect(pages.length).toBeGreaterThan(100);
    const stopped = await store.replayByStream(1);
    let read = 0;
    for await (const page of stopped.pages) {
      read += page.length;
      if (read === 4) break;
    }
    expect(read).toBe(4);
    // The connection that served the stopped COPY is ended: no server process is left sending it
    // (one handed back to the pool mid-COPY would stay there, paused, holding a connection).
    const copying = async () => (await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'COPY (SELECT global_position%'`,
    )).rows[0].n;
    await waitFor(async () => (await copying()) === 0);
    const { events } = await collect(store, 100);
    expect(events.length).toBe(pages.length);
  });
});
