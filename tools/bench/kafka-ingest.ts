import type { DomainEvent } from '@idx/domain';
import { PostgresEventStore, PostgresEventSubscription, type StoredEvent, START } from '@idx/event-store';
import { KafkaIngestConsumer, kafkaSecurityFromEnv } from '@idx/ingestion';
import { createReadModelClient, migrateDatabase } from '@idx/read-models';
import { ScoringProjector } from '@idx/scoring-projection';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { DemoEventStream, toKafkaMessage } from '../kafka/demo-event-stream';
import { startKafkaBroker } from '../kafka/kafka-broker';
import { paced } from '../kafka/pacer';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { createWriterKey, ingestionFor } from '../testing/writer-key';
import { arg, benchDatabase, machineLine, progress } from './bench-support';

/**
 * Kafka ingest on a real single-node broker and a fresh embedded PostgreSQL:
 *  1. throughput: N events produced up front (keyed by unit), then consumed → validated → appended;
 *  2. lag: events produced at a fixed rate while ingest and the scoring projection run; for each
 *     event, the time from handing it to the producer until the projection committed its score.
 *   npm run bench -- kafka-ingest --events=200000 --rate=2000 --seconds=30 --partitions=6 --concurrency=3 --append=5000
 * Aims (DESIGN.md §7): ingest from Kafka ≥ 20,000 events/s; lag p99 < 500 ms at 2,000 events/s.
 * --seconds=0 skips the lag part. BENCH_KAFKA_BROKERS / BENCH_DATABASE_URL use servers you run instead.
 */
const total = arg('events', 200_000);
const rate = arg('rate', 2000);
const seconds = arg('seconds', 30);
const partitions = arg('partitions', 6);
const concurrency = arg('concurrency', 3);
const append = arg('append', 5000);
const projectBatch = arg('projectBatch', 5000);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const pool = new Pool({ connectionString: url, max: 1 });
  await migrateDatabase(pool);
  await pool.end();
  return url;
}

async function createTopic(kafka: Kafka, topic: string, numPartitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
  await admin.disconnect();
}

/** The benchmark's writer: the demo stream's source, every unit, may register them (the stream starts with the units). */
async function writerKey(dbUrl: string): Promise<string> {
  const pool = new Pool({ connectionString: dbUrl, max: 1 });
  try {
    return await createWriterKey(pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM });
  } finally {
    await pool.end();
  }
}

async function throughput(kafka: Kafka, brokers: string[], producer: Producer, dbUrl: string): Promise<void> {
  const apiKey = await writerKey(dbUrl);
  const topic = `bench-throughput-${Date.now()}`;
  await createTopic(kafka, topic, partitions);
  const stream = new DemoEventStream();
  const events: DomainEvent[] = stream.take(total);
  const produceStarted = Date.now();
  for (let i = 0; i < events.length; i += 5000) {
    await producer.send({ topic, acks: -1, messages: events.slice(i, i + 5000).map((e) => toKafkaMessage(e, apiKey)) });
    progress('produce', Math.min(i + 5000, total), total, produceStarted);
  }
  const produceSeconds = (Date.now() - produceStarted) / 1000;

  const pool = new Pool({ connectionString: dbUrl, max: 16 });
  let stored = 0;
  let firstChunkAt = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const started = Date.now();
  const { ingestion, keys } = ingestionFor(pool);
  const consumer = new KafkaIngestConsumer(ingestion, keys, {
    brokers, topic, dlqTopic: `${topic}.dlq`, groupId: `${topic}-ingest`, topicPartitions: partitions,
    partitionsConsumedConcurrently: concurrency, maxEventsPerAppend: append,
    onChunk: (chunk) => {
      firstChunkAt ||= Date.now() - chunk.ms;
      stored += chunk.accepted + chunk.duplicate;
      progress('Kafka → store', Math.min(stored, total), total, started);
      if (stored >= total) done();
    },
  });
  await consumer.start();
  await finished;
  const ended = Date.now();
  await consumer.stop();
  const rows = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
  await pool.end();
  if (rows !== total) throw new Error(`expected ${total} events in the store, found ${rows}`);
  const s = (ended - started) / 1000;
  const steady = (ended - firstChunkAt) / 1000;
  console.log(`RESULT kafka produce (kafkajs, acks=all): ${total} events in ${produceSeconds.toFixed(2)} s = ${Math.round(total / produceSeconds)} events/s`);
  console.log(`RESULT kafka-ingest: ${total} events Kafka → store in ${s.toFixed(2)} s = ${Math.round(total / s)} events/s from consumer start (group join included), ${Math.round(total / steady)} events/s from the first append (${partitions} partitions, ${concurrency} at once, appends of ≤ ${append}; aim ≥ 20000)`);
}

async function lag(kafka: Kafka, brokers: string[], producer: Producer, dbUrl: string): Promise<void> {
  const apiKey = await writerKey(dbUrl);
  const topic = `bench-lag-${Date.now()}`;
  await createTopic(kafka, topic, partitions);
  const pool = new Pool({ connectionString: dbUrl, max: 16 });
  const { ingestion, keys } = ingestionFor(pool);
  const consumer = new KafkaIngestConsumer(ingestion, keys, {
    brokers, topic, dlqTopic: `${topic}.dlq`, groupId: `${topic}-ingest`, topicPartitions: partitions,
    partitionsConsumedConcurrently: concurrency, maxEventsPerAppend: append,
  });
  await consumer.start();

  // The scoring service's loop (apps/scoring ProjectionRunner), in this process.
  const projectionPool = new Pool({ connectionString: dbUrl, max: 4 });
  const prisma = createReadModelClient(dbUrl, 4);
  const projector = new ScoringProjector(prisma, { name: 'bench-lag' });
  const subscription = new PostgresEventSubscription(projectionPool, new PostgresEventStore(projectionPool), { batchSize: projectBatch, idleWaitMs: 100 });
  const sentAt = new Map<string, number>();
  const lags: number[] = [];
  const ingestLags: number[] = [];
  let owed: StoredEvent[] = [];
  const visible = (events: readonly StoredEvent[]): void => {
    const now = Date.now();
    for (const e of events) {
      const at = sentAt.get(e.event.eventId);
      if (at === undefined) continue;
      lags.push(now - at);
      ingestLags.push(e.recordedAt.getTime() - at);
    }
  };
  const projecting = subscription.run(START, async (batch) => {
    const deferred = batch.events.length >= projectBatch;
    await projector.handle(batch, { deferRecompute: deferred });
    if (deferred) owed.push(...batch.events);
    else {
      visible(owed);
      visible(batch.events);
      owed = [];
    }
  }, async () => {
    if (owed.length === 0) return;
    await projector.flushPending();
    visible(owed);
    owed = [];
  });

  const stream = new DemoEventStream();
  const started = Date.now();
  const expected = Math.round(rate * seconds);
  const sent = await paced({ rate, seconds }, async (count) => {
    const events = stream.take(count);
    const now = Date.now();
    for (const e of events) sentAt.set(e.eventId, now);
    await producer.send({ topic, acks: -1, messages: events.map((e) => toKafkaMessage(e, apiKey)) });
    progress(`produce at ${rate}/s, scores visible`, lags.length, expected, started);
  });
  const deadline = Date.now() + 60_000;
  while (lags.length < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  progress(`produce at ${rate}/s, scores visible`, lags.length, expected, started);
  subscription.stop();
  await projecting;
  await consumer.stop();
  await prisma.$disconnect();
  await projectionPool.end();
  await pool.end();

  const sorted = [...lags].sort((a, b) => a - b);
  const stored = [...ingestLags].sort((a, b) => a - b);
  const achieved = sent / seconds;
  console.log(`RESULT kafka lag produce → stored (recordedAt) at ${rate} events/s: p50 = ${percentile(stored, 50)} ms, p99 = ${percentile(stored, 99)} ms, max = ${stored[stored.length - 1]} ms`);
  console.log(`RESULT kafka lag produce → score visible at ${rate} events/s for ${seconds} s (${Math.round(achieved)} events/s sent, ${sorted.length}/${sent} measured): p50 = ${percentile(sorted, 50)} ms, p90 = ${percentile(sorted, 90)} ms, p99 = ${percentile(sorted, 99)} ms, max = ${sorted[sorted.length - 1]} ms (aim p99 < 500 ms at 2000 events/s)`);
}

async function main(): Promise<void> {
  console.log(machineLine());
  console.log(`kafka-ingest: ${total} events for throughput; ${rate} events/s for ${seconds} s for lag; ${partitions} partitions`);
  let brokers: string[];
  let stopBroker = async (): Promise<void> => undefined;
  if (process.env['BENCH_KAFKA_BROKERS']) {
    brokers = process.env['BENCH_KAFKA_BROKERS'].split(',');
  } else {
    const broker = await startKafkaBroker({ partitions, log: (line) => console.log(`  ${line}`) });
    brokers = broker.brokers;
    stopBroker = () => broker.stop();
  }
  const db = await benchDatabase();
  const kafka = new Kafka({ clientId: 'qd766-bench', brokers, ...kafkaSecurityFromEnv(), logLevel: logLevel.WARN });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await throughput(kafka, brokers, producer, await createDatabase(db.url, 'bench_kafka_throughput'));
    if (seconds > 0) await lag(kafka, brokers, producer, await createDatabase(db.url, 'bench_kafka_lag'));
  } finally {
    await producer.disconnect();
    await db.stop();
    await stopBroker();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
