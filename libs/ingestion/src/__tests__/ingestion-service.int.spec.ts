import { randomUUID } from 'node:crypto';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { applySqlMigrations, eventStoreMigrationsDir, PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { at, createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { UnitDirectory } from '../auth/unit-directory';
import type { Writer } from '../auth/writer';
import { IngestionService } from '../ingestion-service';
import type { BatchItem } from '../split-batch';

const item = (value: unknown): BatchItem => ({ raw: Buffer.from(JSON.stringify(value)), ok: true, value });
const registry: Writer = { credentialId: 'wregistry', sourceSystem: 'test-one-stop', units: ['*'], manageUnits: true };
const hyOnly: Writer = { credentialId: 'whyonly', sourceSystem: 'test-one-stop', units: ['HY'], manageUnits: false };

describe('ingestion with writer checks (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let service: IngestionService;
  const deadLetters = async () => (await db.pool.query<{ source: string; reason: string; raw: Buffer }>('SELECT source, reason, raw FROM dead_letters ORDER BY id')).rows;

  beforeAll(async () => {
    db = await createTestDatabase('ing');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    store = new PostgresEventStore(db.pool);
    service = new IngestionService(store, new PostgresDeadLetters(db.pool), new UnitDirectory(db.pool, 60_000));
  });
  afterAll(() => db?.drop());

  it('registers units and uses them in the same batch and the next one, at once', async () => {
    const answer = await service.ingest([
      item(unitRegistered('HY', 'Hưng Yên', 'province')),
      item(unitRegistered('TTH', 'Thừa Thiên Huế', 'province')),
      item(unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY')),
      item(dossierEvents('HY-STP', 'A').received('2025-03-03T08:00:00', '2025-03-10T17:00:00')),
    ], 'test', registry);
    expect(answer).toMatchObject({ accepted: 4, rejected: 0, conflict: 0 });
    // The directory's own refresh interval is a minute here: the registration must count without it.
    const next = await service.ingest([item(dossierEvents('HY-STP', 'B').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'))], 'test', hyOnly);
    expect(next).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('rejects the events a writer may not write, keeps them with the reason, and stores the rest of the batch', async () => {
    const good = dossierEvents('HY-STP', 'C').received('2025-03-05T08:00:00', '2025-03-12T17:00:00');
    const phantom = dossierEvents('constructor', 'D').received('2025-03-05T08:00:00', '2025-03-12T17:00:00');
    const outside = dossierEvents('TTH', 'E').received('2025-03-05T08:00:00', '2025-03-12T17:00:00');
    const dissolve = { ...unitRegistered('HY', 'x', 'province'), type: 'unit.dissolved', data: { effectiveFrom: '2025-07-01' } };
    const answer = await service.ingest([item(phantom), item(good), item(outside), item(dissolve)], 'http:test-one-stop', hyOnly);
    expect(answer).toMatchObject({ accepted: 1, rejected: 3 });
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'accepted', 'rejected', 'rejected']);
    const kept = await deadLetters();
    expect(kept.map((k) => k.raw.toString())).toEqual([phantom, outside, dissolve].map((e) => JSON.stringify(e)));
    expect(kept.map((k) => k.reason)).toEqual([
      expect.stringContaining('unit "constructor" is not a registered unit'),
      expect.stringContaining('unit "TTH" is outside the units of credential whyonly (HY)'),
      expect.stringContaining('unit.dissolved changes the unit tree'),
    ]);
    expect(kept.every((k) => k.source === 'http:test-one-stop')).toBe(true);
    expect((await store.readStream('unit-HY')).map((e) => e.event.type)).toEqual(['unit.registered']);
  });

  it('sees units another process registered after its refresh interval', async () => {
    const fresh = new IngestionService(store, new PostgresDeadLetters(db.pool), new UnitDirectory(db.pool, 0));
    await fresh.ingest([item(dossierEvents('HY-STP', 'F').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'))], 'test', hyOnly);
    await store.appendMany([{ streamId: 'unit-HY-SXD', event: unitRegistered('HY-SXD', 'Sở Xây dựng', 'department', 'HY') }]);
    const answer = await fresh.ingest([item(dossierEvents('HY-SXD', 'A').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'))], 'test', hyOnly);
    expect(answer).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('reads new unit events through the partial index on unit events, not through every event since', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT event_id FROM events WHERE type LIKE 'unit.%' AND (transaction_id, global_position) > ('1'::text::xid8, 0::bigint)
          ORDER BY transaction_id, global_position`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('events_unit_order');
    } finally {
      client.release();
    }
  });

  it('answers a conflicting re-send (same eventId, other content) as conflict with the reason, keeps it, and counts it', async () => {
    const ingestion = new IngestionService(store, new PostgresDeadLetters(db.pool), new UnitDirectory(db.pool));
    const event: DomainEvent = { ...dossierEvents('HY-STP', 'G').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), eventId: randomUUID() };
    expect(await ingestion.ingest([item(event)], 'http:test-one-stop', hyOnly)).toMatchObject({ accepted: 1 });
    const changed = { ...event, data: { ...(event.data as object), dueAt: at('2025-03-19T17:00:00') } } as DomainEvent;
    const answer = await ingestion.ingest([item(changed)], 'http:test-one-stop', hyOnly);
    expect(answer).toMatchObject({ accepted: 0, duplicate: 0, rejected: 0, conflict: 1 });
    expect(answer.results[0]).toMatchObject({ index: 0, eventId: event.eventId, status: 'conflict', reason: expect.stringContaining('data.dueAt') });
    const kept = await db.pool.query<{ reason: string }>('SELECT reason FROM dead_letters WHERE event_id = $1', [event.eventId]);
    expect(kept.rows.map((r) => r.reason)).toEqual([(answer.results[0] as { reason?: string }).reason]);
    // The stored event is untouched: the difference is kept as a dead letter, never written.
    const stored = await store.readStream(streamIdOf(event));
    expect((stored[0].event.data as { dueAt: string }).dueAt).toBe((event.data as { dueAt: string }).dueAt);
  });
});
