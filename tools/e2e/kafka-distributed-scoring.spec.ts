import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, START, type StoredEvent } from '@idx/event-store';
import { KafkaIngestConsumer } from '@idx/ingestion';
import { createReadModelClient, migrateDatabase } from '@idx/read-models';
import { ownsUnit, type ScoreChange, ScoringProjector, type UnitPartition } from '@idx/scoring-projection';
import { createTestDatabase, type TestDatabase, waitFor } from '@idx/testing';
import { Partitioners } from 'kafkajs';
import { DemoEventStream, toKafkaMessage } from '../kafka/demo-event-stream';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { createWriterKey, ingestionFor } from '../testing/writer-key';
import { DEMO_UNITS } from '../simulator/demo-units';
import { startTestKafka, type TestKafka } from '../testing/kafka';

/** A closed month: the figures are a pure function of the events, whatever the wall clock says. */
const NOW = Date.parse('2025-04-28T12:00:00+07:00');
const BATCH = 500;

interface ProjectionRun {
  readonly units: Set<string>;
}

/**
 * One scoring worker as apps/scoring runs it: read the store in global order from its checkpoint,
 * deferring recomputes while a full batch says it is behind, flushing when caught up; until it has
 * seen every event. Answers the units whose scores it wrote.
 */
async function runWorker(db: TestDatabase, partition: UnitPartition, total: number): Promise<ProjectionRun> {
  const prisma = createReadModelClient(db.url, 2);
  const projector = new ScoringProjector(prisma, { partition, clock: () => NOW });
  const store = new PostgresEventStore(db.pool);
  const units = new Set<string>();
  const note = (changes: readonly ScoreChange[]): void => changes.forEach((c) => units.add(c.unitCode));
  try {
    let checkpoint = await projector.checkpoint();
    let seen = 0;
    while (seen < total) {
      // Visibility is cluster-wide (another suite's open transaction can hold it back): wait for it.
      const batch = await waitFor(async () => {
        const b = await store.readAll(checkpoint, BATCH);
        return b.events.length > 0 ? b : undefined;
      }, { what: `${partition.index}/${partition.count} to read on from ${seen} events`, intervalMs: 10 });
      note(await projector.handle(batch, { deferRecompute: batch.events.length === BATCH }));
      checkpoint = batch.checkpoint;
      seen += batch.events.length;
    }
    note(await projector.flushPending());
  } finally {
    await prisma.$disconnect();
  }
  return { units };
}

/** Own rows and finished rows, as both deployments must hold them (positions and times aside). */
async function scoreRows(db: TestDatabase): Promise<Record<string, unknown>[]> {
  const own = await db.pool.query(
    `SELECT unit_code, period, period_kind, rule_set_id, figures, score, total
     FROM unit_period_scores ORDER BY unit_code, period`,
  );
  const finished = await db.pool.query(
    `SELECT 'finished' AS kind, unit_code, period, rule_set_id, figures, score, total, has_activity, pooled_units
     FROM finished_scores ORDER BY unit_code, period`,
  );
  return [...own.rows, ...finished.rows];
}

/**
 * Distributed mode on this machine: events arrive through Kafka (keyed by unit, 6 partitions) into
 * the store; two scoring workers (SCORING_PARTITION 0/2 and 1/2) project them at the same time into
 * one database. They must own disjoint sets of units and together write exactly the scores a single
 * worker writes from the same events.
 */
describe('distributed mode: Kafka ingest, scoring split over two workers', () => {
  let kafka: TestKafka;
  let split: TestDatabase;
  let single: TestDatabase;

  beforeAll(async () => {
    [kafka, split, single] = await Promise.all([startTestKafka(), createTestDatabase('dist_split'), createTestDatabase('dist_single')]);
    await Promise.all([migrateDatabase(split.pool), migrateDatabase(single.pool)]);
  }, 240_000);

  afterAll(async () => {
    await split?.drop();
    await single?.drop();
  });

  it('two partitioned workers own disjoint units and write the same unit_period_scores as one worker', async () => {
    const events: DomainEvent[] = new DemoEventStream(DEMO_UNITS, () => NOW).take(6000);

    const topic = await kafka.createTopic('dist-events', 6);
    const dlqTopic = await kafka.createTopic('dist-dlq', 1);
    const apiKey = await createWriterKey(split.pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM });
    const { ingestion, keys } = ingestionFor(split.pool);
    const consumer = new KafkaIngestConsumer(ingestion, keys, {
      brokers: kafka.brokers, sasl: kafka.sasl, topic, dlqTopic, groupId: kafka.groupId('dist-ingest'),
    });
    const producer = kafka.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await consumer.start();
    try {
      await producer.send({ topic, acks: -1, messages: events.map((e) => toKafkaMessage(e, apiKey)) });
      await waitFor(async () => {
        const r = await split.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
        return Number(r.rows[0].n) === events.length;
      }, { what: `all ${events.length} events ingested from Kafka`, timeoutMs: 60_000 });
    } finally {
      await producer.disconnect();
      await consumer.stop();
    }

    // The reference store gets the same events in the same global order.
    const stored = await waitFor(async () => {
      const all = await new PostgresEventStore(split.pool).readAll(START, events.length);
      return all.events.length === events.length ? all : undefined;
    }, { what: 'every stored event visible to readers' });
    await new PostgresEventStore(single.pool).appendMany(stored.events.map((e: StoredEvent) => ({ streamId: streamIdOf(e.event), event: e.event })));

    const [p0, p1] = await Promise.all([runWorker(split, { index: 0, count: 2 }, events.length), runWorker(split, { index: 1, count: 2 }, events.length)]);
    const one = await runWorker(single, { index: 0, count: 1 }, events.length);

    // Disjoint, each worker only its own units, together all of them; both have work. A unit with
    // sub-units is the exception: its finished (pooled) score is rewritten by whichever worker saw a
    // member move (docs/one-score.md), so only units without sub-units are held to their owner.
    const pools = new Set(DEMO_UNITS.map((u) => u.parentCode).filter((c): c is string => c !== undefined));
    const leaves = (units: ReadonlySet<string>) => [...units].filter((u) => !pools.has(u));
    expect(leaves(p0.units).length).toBeGreaterThan(0);
    expect(leaves(p1.units).length).toBeGreaterThan(0);
    expect(leaves(p0.units).filter((u) => p1.units.has(u))).toEqual([]);
    expect(leaves(p0.units).every((u) => ownsUnit({ index: 0, count: 2 }, u))).toBe(true);
    expect(leaves(p1.units).every((u) => ownsUnit({ index: 1, count: 2 }, u))).toBe(true);
    expect([...new Set([...p0.units, ...p1.units])].sort()).toEqual([...one.units].sort());

    const reference = await scoreRows(single);
    expect(reference.length).toBeGreaterThanOrEqual(DEMO_UNITS.length);
    expect(await scoreRows(split)).toEqual(reference);

    const checkpoints = await split.pool.query<{ name: string }>('SELECT name FROM projection_checkpoints ORDER BY name');
    expect(checkpoints.rows.map((r) => r.name)).toEqual(['scoring-p0of2', 'scoring-p1of2']);
  }, 180_000);
});
