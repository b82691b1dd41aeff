import { type DomainEvent, streamIdOf } from '@idx/domain';
import { createTestDatabase, dossierEvents, type TestDatabase, waitFor } from '@idx/testing';
import { firstBrokenLink } from '../postgres/hash-chain';
import { applySqlMigrations } from '../postgres/migrations';
import { eventStoreMigrationsDir } from '../workspace-root';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { PostgresEventSubscription } from '../postgres/event-subscription';
import { START, WrongExpectedVersionError, type StoredEvent } from '../port';
import { EVENTS_APPENDED_CHANNEL } from '../postgres/append-notifier';

/**
 * Moves the cluster's transaction counter to just below the next power of ten, so that the appenders
 * that follow cross a digit boundary (999 → 1000): an order that compared ids as text would break there.
 * Each BEGIN … EXCEPTION block that writes is a subtransaction with an id of its own.
 */
async function burnTransactionIdsToDigitBoundary(pool: TestDatabase['pool']): Promise<void> {
  const now = Number((await pool.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
  const target = 10 ** String(now).length - 30;
  if (target <= now) return;
  await pool.query('CREATE TEMP TABLE IF NOT EXISTS xid_burner (n int)');
  await pool.query(`DO $$ BEGIN FOR i IN 1..${target - now} LOOP
      BEGIN INSERT INTO xid_burner VALUES (i); EXCEPTION WHEN others THEN NULL; END;
    END LOOP; END $$`);
}

describe('PostgreSQL event store (real server)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('stores a re-sent event once and answers duplicate', async () => {
    const e = dossierEvents('HY', 'D-dup').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const first = await store.appendMany([{ streamId: streamIdOf(e), event: e }]);
    const again = await store.appendMany([{ streamId: streamIdOf(e), event: e }, { streamId: streamIdOf(e), event: e }]);
    expect(first[0].status).toBe('accepted');
    expect(again.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
    expect(await store.readStream(streamIdOf(e))).toHaveLength(1);
  });

  it('answers conflict for a stored eventId re-sent with different content, naming the fields and the stored position, and writes nothing', async () => {
    const e = dossierEvents('HY', 'D-conflict').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const [first] = await store.appendMany([{ streamId: streamIdOf(e), event: e }]);
    const changed = { ...e, occurredAt: '2025-03-03T09:00:00+07:00', data: { ...e.data, dueAt: '2025-03-11T17:00:00+07:00' } };
    // Same content with keys in another order is the same event: a duplicate, not a conflict.
    const { data, type, ...rest } = e;
    const reordered = JSON.parse(JSON.stringify({ data, type, ...rest }));
    const outcomes = await store.appendMany([{ streamId: streamIdOf(e), event: changed }, { streamId: streamIdOf(e), event: reordered }]);

    expect(first.status).toBe('accepted');
    const position = (first as { globalPosition: bigint }).globalPosition;
    expect(outcomes[0]).toMatchObject({ status: 'conflict', storedGlobalPosition: position, differingFields: ['data.dueAt', 'occurredAt'] });
    expect((outcomes[0] as { reason: string }).reason).toContain(`global position ${position}`);
    expect((outcomes[0] as { reason: string }).reason).toContain('data.dueAt, occurredAt');
    expect(outcomes[1].status).toBe('duplicate');
    const stored = await store.readStream(streamIdOf(e));
    expect(stored).toHaveLength(1);
    expect(stored[0].event.occurredAt).toBe(e.occurredAt);
  });

  it('answers conflict for the second of two different events with one eventId in the same batch', async () => {
    const d = dossierEvents('HY', 'D-conflict-batch');
    const a = d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const b = { ...d.processed('2025-03-04T08:00:00'), eventId: a.eventId };
    const outcomes = await store.appendMany([{ streamId: streamIdOf(a), event: a }, { streamId: streamIdOf(b), event: b }]);
    expect(outcomes[0].status).toBe('accepted');
    expect(outcomes[1]).toMatchObject({ status: 'conflict', storedGlobalPosition: (outcomes[0] as { globalPosition: bigint }).globalPosition });
    expect((outcomes[1] as { differingFields: readonly string[] }).differingFields).toEqual(expect.arrayContaining(['type', 'data.channel']));
    expect(await store.readStream(streamIdOf(a))).toHaveLength(1);
  });

  it('answers conflict, not an error, when a concurrent writer commits the same id in another stream between the look-up and the insert', async () => {
    // Different streams take no common lock. The rival's transaction holds the id uncommitted, so
    // the batch's look-up misses it and its COPY waits on the unique index; once the rival
    // commits, the unique violation sends the batch back to look again.
    const own = dossierEvents('HY', 'D-batch-race-own').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const shared = dossierEvents('HY', 'D-batch-race-shared').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const rival = { ...shared, dossierCode: 'D-batch-race-rival' } as DomainEvent;
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, unit_code, source_system, occurred_at, recorded_at, payload, prev_hash, hash)
         VALUES ($1, $2, 1, $3, 1, $4, $5, $6, now(), $7, '', 'rival')`,
        [rival.eventId, streamIdOf(rival), rival.type, rival.unitCode, rival.sourceSystem, rival.occurredAt, JSON.stringify(rival)],
      );
      const appending = store.appendMany([{ streamId: streamIdOf(own), event: own }, { streamId: streamIdOf(shared), event: shared }]);
      await waitFor(async () => (await db.pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY events%'`)).rowCount === 1);
      await holder.query('COMMIT');
      const outcomes = await appending;
      expect(outcomes[0].status).toBe('accepted');
      expect(outcomes[1]).toMatchObject({ status: 'conflict', differingFields: ['streamId', 'dossierCode'] });
    } finally {
      holder.release();
    }
    const stored = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE event_id = $1', [shared.eventId]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('takes expected version -1 as "the stream must not exist yet"', async () => {
    const d = dossierEvents('HY', 'D-new');
    const created = await store.appendToStream('dossier-HY-D-new', [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00')], -1);
    expect(created[0]).toMatchObject({ status: 'accepted', streamVersion: 1 });
    await expect(store.appendToStream('dossier-HY-D-new', [d.processed('2025-03-04T08:00:00')], -1)).rejects.toMatchObject({ expected: -1, actual: 1 });
    expect(await store.readStream('dossier-HY-D-new')).toHaveLength(1);
  });

  it('enforces the expected stream version', async () => {
    const d = dossierEvents('HY', 'D-ver');
    await store.appendToStream('dossier-HY-D-ver', [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00')], 0);
    await expect(store.appendToStream('dossier-HY-D-ver', [d.processed('2025-03-04T08:00:00')], 0)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const ok = await store.appendToStream('dossier-HY-D-ver', [d.processed('2025-03-04T08:00:00')], 1);
    expect(ok[0]).toMatchObject({ status: 'accepted', streamVersion: 2 });
  });

  it('chains hashes per stream so a rewritten event is detected', async () => {
    const d = dossierEvents('HY', 'D-hash');
    await store.appendToStream('dossier-HY-D-hash', [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-05T08:00:00')]);
    const linksOf = async () => (await db.pool.query(
      `SELECT stream_id AS "streamId", stream_version AS "streamVersion", to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
              payload, prev_hash AS "prevHash", hash FROM events WHERE stream_id = $1 ORDER BY stream_version`, ['dossier-HY-D-hash'])).rows;
    expect(firstBrokenLink(await linksOf())).toBeNull();
    await db.pool.query(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-03-04T08:00:00+07:00"') WHERE stream_id = $1 AND stream_version = 2`, ['dossier-HY-D-hash']);
    expect(firstBrokenLink(await linksOf())).toBe(2);
  });

  it('stores a batch whose texts hold what COPY treats specially (tab, newline, CR, backslash, \\. and \\N) exactly as sent, chained', async () => {
    const d = dossierEvents('HY', 'D-copy-text');
    const received = d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const tricky = 'a\tb\nc\r\nd \\ e \\. \\N \\t “Hồ sơ” 😀';
    const noted = { ...received, sourceSystem: 'one-stop\\tab\tx', data: { ...received.data, note: tricky, '\\N': '\\.' } } as unknown as DomainEvent;
    const id = streamIdOf(received);
    const outcomes = await store.appendToStream(id, [noted, d.processed('2025-03-05T08:00:00')]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    const [first] = await store.readStream(id);
    expect(first.event).toEqual(noted);
    const stored = await db.pool.query<{ source_system: string; payload: string }>(
      'SELECT source_system, payload::text AS payload FROM events WHERE stream_id = $1 AND stream_version = 1', [id]);
    expect(stored.rows[0].source_system).toBe('one-stop\\tab\tx');
    expect(JSON.parse(stored.rows[0].payload).data.note).toBe(tricky);
    const links = (await db.pool.query(
      `SELECT stream_id AS "streamId", stream_version AS "streamVersion", to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
              payload, prev_hash AS "prevHash", hash FROM events WHERE stream_id = $1 ORDER BY stream_version`, [id])).rows;
    expect(links).toHaveLength(2);
    expect(firstBrokenLink(links)).toBeNull();
  });

  describe('a single event (one round trip, append_one_event)', () => {
    const linksOf = async (streamId: string) => (await db.pool.query(
      `SELECT stream_id AS "streamId", stream_version AS "streamVersion", to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
              payload, prev_hash AS "prevHash", hash FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId])).rows;

    it('chains the hash PostgreSQL finishes exactly as the batch path and the verifier do, with Vietnamese text and integer-like keys', async () => {
      const d = dossierEvents('HY', 'D-one-hash');
      const received = d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
      // Fields the store does not judge (validation is ingest's): text beyond ASCII and keys an engine orders first.
      const noted = { ...received, data: { ...received.data, note: 'Hồ sơ đã tiếp nhận — “đủ” 😀', 10: 'x', 9: ['y'] } } as unknown as DomainEvent;
      const id = streamIdOf(received);
      expect((await store.appendToStream(id, [noted]))[0]).toMatchObject({ status: 'accepted', streamVersion: 1 });
      await store.appendToStream(id, [d.supplementRequested('2025-03-04T08:00:00'), d.processed('2025-03-05T08:00:00')]);
      expect((await store.appendToStream(id, [d.returned('2025-03-06T08:00:00')]))[0]).toMatchObject({ status: 'accepted', streamVersion: 4 });
      const links = await linksOf(id);
      expect(links.map((l) => l.streamVersion)).toEqual([1, 2, 3, 4]);
      expect(firstBrokenLink(links)).toBeNull();
    });

    it('answers duplicate for the same content and conflict (fields, stored position) for other content, writing nothing', async () => {
      const e = dossierEvents('HY', 'D-one-dup').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
      const [first] = await store.appendToStream(streamIdOf(e), [e]);
      const position = (first as { globalPosition: bigint }).globalPosition;
      expect((await store.appendToStream(streamIdOf(e), [JSON.parse(JSON.stringify(e))]))[0]).toEqual({ status: 'duplicate' });
      const changed = { ...e, data: { ...e.data, channel: 'online' } } as DomainEvent;
      expect((await store.appendToStream(streamIdOf(e), [changed], 5))[0]).toMatchObject({ status: 'conflict', storedGlobalPosition: position, differingFields: ['data.channel'] });
      expect((await store.appendToStream('dossier-HY-elsewhere', [e]))[0]).toMatchObject({ status: 'conflict', differingFields: ['streamId'] });
      expect(await store.readStream(streamIdOf(e))).toHaveLength(1);
      expect(await store.readStream('dossier-HY-elsewhere')).toHaveLength(0);
    });

    it('refuses a wrong expected version on a stream that does not exist, and creates nothing', async () => {
      const e = dossierEvents('HY', 'D-one-missing').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
      await expect(store.appendToStream(streamIdOf(e), [e], 3)).rejects.toMatchObject({ expected: 3, actual: 0 });
      expect((await db.pool.query('SELECT 1 FROM streams WHERE stream_id = $1', [streamIdOf(e)])).rowCount).toBe(0);
      expect((await store.appendToStream(streamIdOf(e), [e], -1))[0]).toMatchObject({ status: 'accepted', streamVersion: 1 });
    });

    it('keeps versions gap-free and the chain whole when 8 single appends race on one stream, and stores a raced id once', async () => {
      const d = dossierEvents('HY', 'D-one-race');
      const id = streamIdOf(d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'));
      const events = Array.from({ length: 8 }, (_, i) => ({ ...d.processed(`2025-03-04T0${i}:00:00`) }));
      const outcomes = await Promise.all(events.map((e) => store.appendToStream(id, [e])));
      expect(outcomes.map((o) => o[0].status)).toEqual(Array(8).fill('accepted'));
      expect(outcomes.map((o) => (o[0] as { streamVersion: number }).streamVersion).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(firstBrokenLink(await linksOf(id))).toBeNull();

      const same = dossierEvents('HY', 'D-one-same').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
      const raced = await Promise.all(Array.from({ length: 8 }, () => store.appendToStream(streamIdOf(same), [same])));
      expect(raced.map((o) => o[0].status).sort()).toEqual(['accepted', ...Array(7).fill('duplicate')]);
      expect(await store.readStream(streamIdOf(same))).toHaveLength(1);
    });
  });

  it('notifies the append channel once a single or a batched append has committed, and not for a duplicate', async () => {
    // Listening directly: whether a subscriber then sees the event is the read horizon's matter
    // (read-horizon.int.spec.ts).
    const listener = await db.pool.connect();
    let notifications = 0;
    listener.on('notification', (n) => { if (n.channel === EVENTS_APPENDED_CHANNEL) notifications += 1; });
    try {
      await listener.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
      const d = dossierEvents('HY', 'D-wake');
      const one = d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
      await store.appendToStream(streamIdOf(one), [one]);
      await waitFor(() => notifications >= 1, { what: 'a notification after the single append' });
      await store.appendToStream(streamIdOf(one), [d.processed('2025-03-04T08:00:00'), d.returned('2025-03-05T08:00:00')]);
      await waitFor(() => notifications >= 2, { what: 'a notification after the batch' });
      // A round trip on the listening connection delivers anything already sent before it answers.
      const before = notifications;
      await store.appendToStream(streamIdOf(one), [one]);
      await db.pool.query('SELECT 1');
      await listener.query('SELECT 1');
      expect(notifications).toBe(before);
    } finally {
      await listener.query(`UNLISTEN ${EVENTS_APPENDED_CHANNEL}`);
      listener.release();
    }
  });

  it('lets a live subscriber see every event exactly once, in order, while 8 appenders race across a transaction-id digit boundary', async () => {
    await burnTransactionIdsToDigitBoundary(db.pool);
    const before = (await store.readAll(START, 1_000_000)).checkpoint;
    const seen: StoredEvent[] = [];
    const subscription = new PostgresEventSubscription(db.pool, store, { batchSize: 50, idleWaitMs: 200 });
    const running = subscription.run(before, async (batch) => { seen.push(...batch.events); });

    const writers = 8;
    const perWriter = 60;
    const written = new Set<string>();
    await Promise.all(Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i += 3) {
        const batch = [0, 1, 2].map((k) => dossierEvents('HY', `race-${w}-${i + k}`).received('2025-03-03T08:00:00', '2025-03-10T17:00:00'));
        batch.forEach((e) => written.add(e.eventId));
        await store.appendMany(batch.map((event) => ({ streamId: streamIdOf(event), event })));
      }
    }));

    // Events of earlier tests may still arrive after `before` (a transaction of this database held
    // the bound when it was read); what matters is that ours all arrive, and nothing twice.
    const seenOurs = () => seen.filter((e) => written.has(e.event.eventId)).length;
    const deadline = Date.now() + 20000;
    while (seenOurs() < written.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    subscription.stop();
    await running;

    const ids = seen.map((e) => e.event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seenOurs()).toBe(writers * perWriter);
    const order = seen.map((e) => [e.transactionId, e.globalPosition] as const);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? Number(a[1] - b[1]) : Number(a[0] - b[0])));
    expect(order).toEqual(sorted);
  });

  it('replays in ranges read side by side exactly what paging through readForReplay gives, from the start and from a checkpoint', async () => {
    // Interleaved writers: transaction order and position order differ, which the ranges must respect.
    const written = new Set<string>();
    await Promise.all(Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 30; i += 3) {
        const batch = [0, 1, 2].map((k) => dossierEvents('HY', `ranges-${w}-${i + k}`).received('2025-03-03T08:00:00', '2025-03-10T17:00:00'));
        batch.forEach((e) => written.add(e.eventId));
        await store.appendMany(batch.map((event) => ({ streamId: streamIdOf(event), event })));
      }
    }));
    await waitFor(async () => (await store.readForReplay(START, 1_000_000)).events.filter((e) => written.has(e.event.eventId)).length === written.size);
    const key = (e: { globalPosition: bigint; transactionId: bigint; event: DomainEvent }) => `${e.transactionId}/${e.globalPosition}/${e.event.eventId}`;
    const collect = async (from: typeof START, pageSize: number, ahead: number) => {
      const out: string[] = [];
      for await (const page of store.replayPages(from, pageSize, ahead)) {
        out.push(...page.events.map(key));
        // Each page says where it ended: its last event.
        const last = page.events[page.events.length - 1];
        expect(page.checkpoint).toEqual({ transactionId: last.transactionId, position: last.globalPosition });
      }
      return out;
    };
    const paged = (await store.readForReplay(START, 1_000_000)).events;
    for (const [pageSize, ahead] of [[7, 3], [1, 4], [50, 1], [100_000, 2]]) {
      const ranged = await collect(START, pageSize, ahead);
      // Visibility is cluster-wide: the later read may see more, never other or fewer events.
      expect(ranged).toEqual(paged.map(key).slice(0, ranged.length));
      expect(ranged.filter((k) => written.has(k.split('/')[2])).length).toBe(written.size);
    }
    const middle = paged[Math.floor(paged.length / 2)];
    const fromMiddle = await collect({ transactionId: middle.transactionId, position: middle.globalPosition }, 5, 3);
    const after = paged.slice(Math.floor(paged.length / 2) + 1).map(key);
    expect(fromMiddle).toEqual(after.slice(0, fromMiddle.length));
    expect(fromMiddle.length).toBe(after.length);
  });
});
