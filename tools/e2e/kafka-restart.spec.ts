import { type ChildProcess, spawn } from 'node:child_process';
import type { DomainEvent } from '@idx/domain';
import { workspaceRoot } from '@idx/event-store';
import { type IngestionService, KafkaIngestConsumer } from '@idx/ingestion';
import { migrateDatabase } from '@idx/read-models';
import { createTestDatabase, type TestDatabase, waitFor } from '@idx/testing';
import { Partitioners, type Producer } from 'kafkajs';
import { DemoEventStream, toKafkaMessage } from '../kafka/demo-event-stream';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { builtAppMain } from '../testing/built-app';
import { startTestKafka, type TestKafka } from '../testing/kafka';
import { createWriterKey, ingestionFor } from '../testing/writer-key';

/**
 * At-least-once delivery + idempotent append on eventId = exactly-once effect: however the consumer
 * dies, every event produced ends up stored once, none missing, each dossier's events in order.
 */
describe('Kafka ingest when the consumer dies or stalls mid-stream', () => {
  let kafka: TestKafka;
  let db: TestDatabase;
  let producer: Producer;
  let apiKey: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startTestKafka(), createTestDatabase('kafka_restart')]);
    await migrateDatabase(db.pool);
    apiKey = await createWriterKey(db.pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM });
    producer = kafka.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 10, initialRetryTime: 200 } });
    await producer.connect();
  }, 240_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await producer?.disconnect();
    await db?.drop();
  });

  const produce = async (topic: string, events: readonly DomainEvent[]): Promise<void> => {
    for (let i = 0; i < events.length; i += 2000) {
      await producer.send({ topic, acks: -1, messages: events.slice(i, i + 2000).map((e) => toKafkaMessage(e, apiKey)) });
    }
  };

  const storedOf = async (ids: readonly string[]): Promise<number> => {
    const r = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE event_id = ANY($1::uuid[])', [ids]);
    return Number(r.rows[0].n);
  };

  /** Stored once each, none missing, nothing else; each stream's versions consecutive, in the order produced. */
  const expectExactlyOnce = async (events: readonly DomainEvent[]): Promise<void> => {
    const ids = events.map((e) => e.eventId);
    const rows = await db.pool.query<{ event_id: string; stream_id: string; stream_version: number }>(
      'SELECT event_id::text, stream_id, stream_version FROM events WHERE event_id = ANY($1::uuid[])', [ids],
    );
    expect(rows.rowCount).toBe(events.length);
    expect(new Set(rows.rows.map((r) => r.event_id)).size).toBe(events.length);
    expect(rows.rows.map((r) => r.event_id).sort()).toEqual([...ids].sort());
    const version = new Map(rows.rows.map((r) => [r.event_id, r]));
    const byStream = new Map<string, number[]>();
    for (const e of events) {
      const row = version.get(e.eventId) as { stream_id: string; stream_version: number };
      byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row.stream_version]);
    }
    for (const [stream, versions] of byStream) {
      expect({ stream, versions }).toEqual({ stream, versions: versions.map((_, i) => versions[0] + i) });
      if (stream.startsWith('dossier-')) expect({ stream, first: versions[0] }).toEqual({ stream, first: 1 });
    }
  };

  /** Until the group has committed the end of every partition: everything consumed, nothing left to redeliver. */
  const waitForCommittedEnd = async (topic: string, groupId: string): Promise<void> => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      await waitFor(async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return ends.every((end) => committed.partitions.find((p) => p.partition === end.partition)?.offset === end.high);
      }, { what: `group ${groupId} to commit the end of ${topic}`, timeoutMs: 30_000 });
    } finally {
      await admin.disconnect();
    }
  };

  it('stores every event exactly once when the ingest process is killed (SIGKILL) and restarted while events keep coming', async () => {
    const topic = await kafka.createTopic('restart-events', 3);
    const dlqTopic = await kafka.createTopic('restart-dlq', 1);
    const groupId = kafka.groupId('restart-ingest');
    const main = builtAppMain('ingest');
    const output: string[] = [];
    const startIngestProcess = (): ChildProcess => {
      const child = spawn(process.execPath, ['--require', './tools/runtime/lib-paths.cjs', main], {
        cwd: workspaceRoot(),
        env: {
          ...process.env, DATABASE_URL: db.url, INGEST_PORT: '0', LOG_LEVELS: 'error,warn',
          ...kafka.clientEnv, KAFKA_TOPIC: topic, KAFKA_DLQ_TOPIC: dlqTopic, KAFKA_GROUP_ID: groupId,
          // Small appends and a short session: many commits to die between, and a quick hand-over.
          KAFKA_MAX_EVENTS_PER_APPEND: '250', KAFKA_SESSION_TIMEOUT_MS: '2000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
      child.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
      children.push(child);
      return child;
    };

    const stream = new DemoEventStream();
    const first = stream.take(15_000);
    const second = stream.take(15_000);
    const all = [...first, ...second];
    await produce(topic, first);

    const a = startIngestProcess();
    await waitFor(async () => (await storedOf(first.map((e) => e.eventId))) >= 3000, { what: 'the first consumer to store 3000 events', timeoutMs: 60_000 })
      .catch((error: Error) => { throw new Error(`${error.message}\n${output.join('')}`); });
    const producing = produce(topic, second); // the stream goes on while the consumer dies
    a.kill('SIGKILL');
    await new Promise((resolve) => (a.exitCode !== null || a.signalCode !== null ? resolve(undefined) : a.once('exit', resolve)));
    const storedAtKill = await storedOf(all.map((e) => e.eventId));
    expect(storedAtKill).toBeLessThan(all.length);

    const b = startIngestProcess();
    await producing;
    await waitFor(async () => (await storedOf(all.map((e) => e.eventId))) === all.length, { what: `all ${all.length} events stored`, timeoutMs: 90_000 })
      .catch((error: Error) => { throw new Error(`${error.message}\n${output.join('')}`); });
    await waitForCommittedEnd(topic, groupId);
    await expectExactlyOnce(all);

    b.kill('SIGTERM');
    await new Promise((resolve) => (b.exitCode !== null ? resolve(undefined) : b.once('exit', resolve)));
  }, 180_000);

  it('answers "duplicate" for a chunk redelivered after it was stored but before its offset was committed', async () => {
    const topic = await kafka.createTopic('redeliver-events', 2);
    const dlqTopic = await kafka.createTopic('redeliver-dlq', 1);
    const { ingestion: service, keys } = ingestionFor(db.pool);
    let calls = 0;
    let lost = 0;
    // The process "dies" right after an append (the third or later) that stored events committed, before
    // the offset is resolved. Not blindly the third: on a loaded machine a rebalance can redeliver an
    // earlier chunk, whose answer stores nothing.
    const crashingOnce = {
      async ingest(...args: Parameters<IngestionService['ingest']>) {
        const answer = await service.ingest(...args);
        if (++calls >= 3 && lost === 0 && answer.accepted > 0) {
          lost = answer.accepted;
          throw new Error('simulated crash between the append and the offset commit');
        }
        return answer;
      },
    };
    const consumer = new KafkaIngestConsumer(crashingOnce, keys, {
      brokers: kafka.brokers, sasl: kafka.sasl, topic, dlqTopic, groupId: kafka.groupId('redeliver'), maxEventsPerAppend: 100, sessionTimeoutMs: 3000,
    });
    const events = new DemoEventStream().take(2000);
    await produce(topic, events);
    await consumer.start();
    try {
      await waitFor(async () => (await storedOf(events.map((e) => e.eventId))) === events.length && consumer.status().messages >= events.length,
        { what: 'all events stored and consumed', timeoutMs: 60_000 });
      // The lost chunk came again and was answered "duplicate"; its events were accepted once, before the crash.
      expect(lost).toBeGreaterThan(0);
      expect(consumer.status().duplicate).toBeGreaterThanOrEqual(lost);
      expect(consumer.status().accepted).toBe(events.length - lost);
      await expectExactlyOnce(events);
    } finally {
      await consumer.stop();
    }
  }, 120_000);

  it('keeps its partitions through an append slower than the session timeout (heartbeats while appending)', async () => {
    const topic = await kafka.createTopic('slow-events', 1);
    const dlqTopic = await kafka.createTopic('slow-dlq', 1);
    const { ingestion: service, keys } = ingestionFor(db.pool);
    let slowed = false;
    // A database that stalls for longer than the consumer's session once (simulated, not a test wait).
    const stallingOnce = {
      async ingest(...args: Parameters<IngestionService['ingest']>) {
        if (!slowed) {
          slowed = true;
          await new Promise((r) => setTimeout(r, 4000));
        }
        return service.ingest(...args);
      },
    };
    const groupId = kafka.groupId('slow');
    const consumer = new KafkaIngestConsumer(stallingOnce, keys, { brokers: kafka.brokers, sasl: kafka.sasl, topic, dlqTopic, groupId, sessionTimeoutMs: 1500 });
    const events = new DemoEventStream().take(300);
    await produce(topic, events);
    await consumer.start();
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const firstMember = await waitFor(() => consumer.status().memberId, { what: 'the consumer to join its group' });
      await waitFor(async () => (await storedOf(events.map((e) => e.eventId))) === events.length && consumer.status().messages >= events.length,
        { what: 'all events stored and consumed', timeoutMs: 30_000 });
      expect(slowed).toBe(true);
      // Still the first membership: the session did not expire during the stall, nothing was delivered twice.
      const { groups: [group] } = await admin.describeGroups([groupId]);
      expect(group.members.map((m) => m.memberId)).toEqual([firstMember]);
      expect(consumer.status()).toMatchObject({ accepted: events.length, duplicate: 0 });
    } finally {
      await admin.disconnect();
      await consumer.stop();
    }
  }, 60_000);
});
