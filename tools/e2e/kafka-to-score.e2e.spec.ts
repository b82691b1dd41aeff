import { execFileSync } from 'node:child_process';
import type { UnitScoreDto } from '@idx/contracts';
import { DLQ_HEADERS } from '@idx/ingestion';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type Consumer, type KafkaMessage, Partitioners, type Producer } from 'kafkajs';
import { ensureKcat } from '../testing/kcat';
import { startTestKafka, type TestKafka } from '../testing/kafka';
import { createWriterKey } from '../testing/writer-key';
import { type RunningPlatform, startPlatform } from './platform-harness';

const KAFKA_ENV = ['KAFKA_BROKERS', 'KAFKA_TOPIC', 'KAFKA_DLQ_TOPIC', 'KAFKA_GROUP_ID', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const;

describe('end to end: events from Kafka → ingest → scoring → reporting API', () => {
  let kafka: TestKafka;
  let platform: RunningPlatform;
  let producer: Producer;
  let topic: string;
  let dlqTopic: string;

  const storedIds = async (ids: readonly string[]): Promise<number> => {
    const r = await platform.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE event_id = ANY($1::uuid[])', [ids]);
    return Number(r.rows[0].n);
  };

  /** Everything on the dead-letter topic so far, read by a fresh consumer group. */
  const readDeadLetters = async (expected: number, enough = (read: readonly KafkaMessage[]) => read.length >= expected): Promise<KafkaMessage[]> => {
    const messages: KafkaMessage[] = [];
    const consumer: Consumer = kafka.kafka.consumer({ groupId: kafka.groupId('dlq-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    try {
      await waitFor(() => enough(messages), { what: `${expected} messages on ${dlqTopic}`, timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    return messages;
  };

  beforeAll(async () => {
    kafka = await startTestKafka();
    topic = await kafka.createTopic('e2e-events', 3);
    dlqTopic = await kafka.createTopic('e2e-events-dlq', 1);
    Object.assign(process.env, { ...kafka.clientEnv, KAFKA_TOPIC: topic, KAFKA_DLQ_TOPIC: dlqTopic, KAFKA_GROUP_ID: kafka.groupId('e2e-ingest') });
    platform = await startPlatform();
    producer = kafka.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 10, initialRetryTime: 200 } });
    await producer.connect();
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await platform?.stop();
    for (const name of KAFKA_ENV) delete process.env[name];
  });

  it('stores events produced with kafkajs (keyed by unit) and the reporting API shows their score', async () => {
    const d = (code: string) => dossierEvents('HY-SXD', code);
    // 4 dossiers received in April 2025, 3 finished on time, 1 late; 1 of them filed online.
    const events = [
      unitRegistered('HY-SXD', 'Sở Xây dựng', 'department', 'HY'),
      d('K1').received('2025-04-01T08:00:00', '2025-04-08T17:00:00', 'online'), d('K1').processed('2025-04-03T10:00:00'),
      d('K2').received('2025-04-02T08:00:00', '2025-04-09T17:00:00'), d('K2').processed('2025-04-09T16:00:00'),
      d('K3').received('2025-04-03T08:00:00', '2025-04-10T17:00:00'), d('K3').processed('2025-04-10T09:00:00'),
      d('K4').received('2025-04-04T08:00:00', '2025-04-11T17:00:00'), d('K4').processed('2025-04-20T09:00:00'),
    ];
    await producer.send({ topic, acks: -1, messages: events.map((e) => ({ key: e.unitCode, value: JSON.stringify(e), headers: platform.auth })) });

    await waitFor(async () => (await storedIds(events.map((e) => e.eventId))) === events.length, { what: 'all 9 events in the store' });
    const score = await waitFor(async () => {
      const res = await fetch(`${platform.reportingUrl}/api/v1/units/HY-SXD/scores?period=2025-04`);
      const body = (await res.json()) as UnitScoreDto;
      return res.status === 200 && body.criteria.find((c) => c.id === 5)?.denominator === 4 ? body : undefined;
    }, { what: 'criterion 5 of HY-SXD to count 4 dossiers' });
    expect(score.criteria.find((c) => c.id === 5)).toMatchObject({ numerator: 3, denominator: 4, points: 15 });

    // Sent again (a producer retry, a replayed topic): nothing is stored twice.
    await producer.send({ topic, acks: -1, messages: events.slice(0, 3).map((e) => ({ key: e.unitCode, value: JSON.stringify(e), headers: platform.auth })) });
    const health = await waitFor(async () => {
      const body = (await (await fetch(`${platform.ingestUrl}/health/kafka`)).json()) as { duplicate: number; state: string };
      return body.duplicate >= 3 ? body : undefined;
    }, { what: 'the consumer to answer the re-sent events as duplicates' });
    expect(health).toMatchObject({ enabled: true, state: 'running', topic });
    expect(await storedIds(events.map((e) => e.eventId))).toBe(events.length);
  });

  it('dead-letters poison messages on the DLQ topic (reason header, original bytes) and in dead_letters, and good messages still flow', async () => {
    const d = (code: string) => dossierEvents('HY-SYT', code);
    const good = d('P1').received('2025-04-05T08:00:00', '2025-04-12T17:00:00');
    const later = d('P1').processed('2025-04-07T08:00:00');
    const invalid = { ...d('P2').received('2025-04-05T09:00:00', '2025-04-12T17:00:00'), data: { procedureCode: '1.001', channel: 'online' } };
    const unknown = { ...d('P3').received('2025-04-05T10:00:00', '2025-04-12T17:00:00'), type: 'dossier.teleported' };
    const poison = [
      { key: 'HY-SYT', value: Buffer.from('{"type":"dossier.received",'), headers: platform.auth },
      { key: 'HY-SYT', value: Buffer.from(JSON.stringify(invalid)), headers: platform.auth },
      { key: 'HY-SYT', value: Buffer.from(JSON.stringify(unknown)), headers: platform.auth },
    ];
    const registered = unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY');
    await producer.send({ topic, acks: -1, messages: [{ key: 'HY-SYT', value: JSON.stringify(registered), headers: platform.auth }, ...poison, { key: 'HY-SYT', value: JSON.stringify(good), headers: platform.auth }] });
    await producer.send({ topic, acks: -1, messages: [{ key: 'HY-SYT', value: JSON.stringify(later), headers: platform.auth }] });

    const letters = await readDeadLetters(3);
    const byValue = new Map(letters.map((m) => [m.value?.toString(), m]));
    const reasonOf = (value: Buffer): string => byValue.get(value.toString())?.headers?.[DLQ_HEADERS.reason]?.toString() ?? '(missing)';
    expect(letters).toHaveLength(3);
    for (const m of letters) {
      expect(m.key?.toString()).toBe('HY-SYT');
      // The writer's key is never republished to dead-letter readers.
      expect(m.headers?.['authorization']).toBeUndefined();
      expect(m.headers?.[DLQ_HEADERS.sourceTopic]?.toString()).toBe(topic);
      expect(m.headers?.[DLQ_HEADERS.sourceOffset]).toBeDefined();
    }
    expect(reasonOf(poison[0].value)).toMatch(/^not valid JSON/);
    expect(reasonOf(poison[1].value)).toContain('data.dueAt');
    expect(reasonOf(poison[2].value)).toContain('unknown event type "dossier.teleported"');
    expect(byValue.get(poison[1].value.toString())?.headers?.[DLQ_HEADERS.eventId]?.toString()).toBe(invalid.eventId);

    const kept = await platform.db.pool.query<{ source: string; reason: string; raw: Buffer }>(
      "SELECT source, reason, raw FROM dead_letters WHERE source LIKE 'kafka:%' ORDER BY id",
    );
    expect(kept.rows.map((r) => r.raw.toString()).sort()).toEqual(poison.map((p) => p.value.toString()).sort());
    expect(kept.rows.every((r) => r.source.startsWith(`kafka:${topic}/`))).toBe(true);

    await waitFor(async () => (await storedIds([good.eventId, later.eventId])) === 2, { what: 'the good messages around the poison ones to be stored' });
  });

  it('ingests events produced by kcat, a client we did not write, and kcat reads the dead-letter headers', async () => {
    const kcat = ensureKcat();
    const d = (code: string) => dossierEvents('HY-TPHY', code);
    const events = [
      unitRegistered('HY-TPHY', 'Thành phố Hưng Yên', 'district', 'HY'),
      d('C1').received('2025-04-06T08:00:00', '2025-04-13T17:00:00'), d('C1').processed('2025-04-08T08:00:00'), d('C2').received('2025-04-06T09:00:00', '2025-04-13T17:00:00'),
    ];
    // Key<TAB>value per line; murmur2 is the partitioner of the Java client and of kafkajs, so a
    // unit's events land in the same partition whichever client sends them.
    const input = [...events.map((e) => `${e.unitCode}\t${JSON.stringify(e)}`), 'HY-TPHY\tthis is not json'].join('\n') + '\n';
    execFileSync(kcat, ['-P', ...kafka.kcatArgs, '-t', topic, '-K', '\t', '-X', 'partitioner=murmur2_random', '-H', 'sender=kcat', '-H', `authorization=${platform.auth.authorization}`], { input, timeout: 30_000 });

    await waitFor(async () => (await storedIds(events.map((e) => e.eventId))) === events.length, { what: 'the events sent by kcat in the store' });
    const stored = await platform.db.pool.query<{ stream_version: number; type: string }>(
      "SELECT stream_version, type FROM events WHERE stream_id LIKE '%C1' ORDER BY stream_version",
    );
    expect(stored.rows.map((r) => r.type)).toEqual(['dossier.received', 'dossier.processed']);

    const dlq = await waitFor(() => {
      const out = execFileSync(kcat, ['-C', ...kafka.kcatArgs, '-t', dlqTopic, '-o', 'beginning', '-e', '-q', '-f', '%k|%h|%s\n'], { timeout: 30_000 }).toString();
      return out.split('\n').find((line) => line.endsWith('|this is not json'));
    }, { what: 'kcat to read the rejected kcat message from the dead-letter topic', timeoutMs: 30_000 });
    expect(dlq).toMatch(/^HY-TPHY\|/);
    expect(dlq).toContain('sender=kcat');
    expect(dlq).not.toContain(platform.apiKey);
    expect(dlq).toContain(`${DLQ_HEADERS.reason}=not valid JSON`);

    // The same key goes to the same partition from kcat and from kafkajs.
    const probe = await kafka.createTopic('e2e-partitioner', 6);
    execFileSync(kcat, ['-P', ...kafka.kcatArgs, '-t', probe, '-K', '\t', '-X', 'partitioner=murmur2_random'], { input: 'HY-TPHY\tx\n', timeout: 30_000 });
    const [viaKafkajs] = await producer.send({ topic: probe, acks: -1, messages: [{ key: 'HY-TPHY', value: 'y' }] });
    const viaKcat = execFileSync(kcat, ['-C', ...kafka.kcatArgs, '-t', probe, '-o', 'beginning', '-e', '-q', '-f', '%p %s\n'], { timeout: 30_000 }).toString();
    expect(viaKcat).toContain(`${viaKafkajs.partition} x`);
  });

  it('refuses messages without a valid key, outside the key\'s units or under another source (DLQ + dead_letters), and later ones still flow', async () => {
    const scoped = { authorization: `Bearer ${await createWriterKey(platform.db.pool, { units: ['HY-SYT'], manageUnits: false })}` };
    const syt = (code: string) => dossierEvents('HY-SYT', code);
    const sent = {
      noKey: syt('A1').received('2025-04-09T08:00:00', '2025-04-16T17:00:00'),
      wrongKey: syt('A2').received('2025-04-09T08:00:00', '2025-04-16T17:00:00'),
      outside: dossierEvents('HY-SXD', 'A3').received('2025-04-09T08:00:00', '2025-04-16T17:00:00'),
      otherSource: { ...syt('A4').received('2025-04-09T08:00:00', '2025-04-16T17:00:00'), sourceSystem: 'someone-else' },
      unitChange: { ...unitRegistered('HY-SYT-X', 'Phòng X', 'commune', 'HY-SYT') },
      unknownUnit: dossierEvents('toString', 'A5').received('2025-04-09T08:00:00', '2025-04-16T17:00:00'),
    };
    const good = syt('A6').received('2025-04-09T09:00:00', '2025-04-16T17:00:00');
    const forged = { authorization: `${platform.auth.authorization.slice(0, -4)}AAAA` };
    const registered = unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY'); // again: this test may run alone
    await producer.send({
      topic, acks: -1, messages: [
        { key: 'HY-SYT', value: JSON.stringify(registered), headers: platform.auth },
        { key: 'HY-SYT', value: JSON.stringify(sent.noKey) },
        { key: 'HY-SYT', value: JSON.stringify(sent.wrongKey), headers: forged },
        { key: 'HY-SYT', value: JSON.stringify(sent.outside), headers: scoped },
        { key: 'HY-SYT', value: JSON.stringify(sent.otherSource), headers: scoped },
        { key: 'HY-SYT', value: JSON.stringify(sent.unitChange), headers: scoped },
        { key: 'HY-SYT', value: JSON.stringify(sent.unknownUnit), headers: platform.auth },
        { key: 'HY-SYT', value: JSON.stringify(good), headers: scoped },
      ],
    });
    await waitFor(async () => (await storedIds([good.eventId])) === 1, { what: 'the good message after the refused ones to be stored' });
    const ids = Object.values(sent).map((e) => e.eventId);
    const values = new Set(Object.values(sent).map((e) => JSON.stringify(e)));
    const mine = (read: readonly KafkaMessage[]) => read.filter((m) => values.has(m.value?.toString() ?? ''));
    const letters = mine(await readDeadLetters(6, (read) => mine(read).length >= 6));
    expect(letters).toHaveLength(6);
    const reason = (e: { eventId: string }) => letters.find((m) => m.value?.toString() === JSON.stringify(e))?.headers?.[DLQ_HEADERS.reason]?.toString();
    expect(reason(sent.noKey)).toContain('no credential');
    expect(reason(sent.wrongKey)).toContain('API key is not valid');
    expect(reason(sent.outside)).toContain('outside the units of credential');
    expect(reason(sent.otherSource)).toContain('sourceSystem "someone-else" is not "test-one-stop"');
    expect(reason(sent.unitChange)).toContain('may not do');
    expect(reason(sent.unknownUnit)).toContain('unit "toString" is not a registered unit');
    expect(await storedIds(ids)).toBe(0);
    const kept = await platform.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM dead_letters WHERE raw = ANY($1::bytea[])', [
      Object.values(sent).map((e) => Buffer.from(JSON.stringify(e))),
    ]);
    expect(kept.rows[0].n).toBe(6);
  });
});
