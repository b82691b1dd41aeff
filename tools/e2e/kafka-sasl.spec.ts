import { KafkaIngestConsumer, kafkaSecurityFromEnv } from '@idx/ingestion';
import { migrateDatabase } from '@idx/read-models';
import { createTestDatabase, type TestDatabase, waitFor } from '@idx/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { DemoEventStream, toKafkaMessage } from '../kafka/demo-event-stream';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { startTestKafka, type TestKafka } from '../testing/kafka';
import { createWriterKey, ingestionFor } from '../testing/writer-key';

/** The real KRaft broker authenticates clients with SASL/SCRAM-SHA-512 (docs/kafka-security.md). */
describe('Kafka SASL/SCRAM on the real broker', () => {
  let kafka: TestKafka;
  let db: TestDatabase;

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startTestKafka(), createTestDatabase('kafka_sasl')]);
    await migrateDatabase(db.pool);
  }, 240_000);
  afterAll(() => db?.drop());

  /**
   * A client that gives up at once: a refusal must show as an error, not as retries. The SASL
   * settings are copied: kafkajs stores its authenticator (holding the password) on the object it
   * is given, so a spread of a used object would carry the right password along.
   */
  const client = (sasl?: { mechanism: 'scram-sha-512'; username: string; password: string }) =>
    new Kafka({ clientId: 'qd766-sasl-probe', brokers: kafka.brokers, ...(sasl ? { sasl: { ...sasl } } : {}), logLevel: logLevel.NOTHING, connectionTimeout: 3000, retry: { retries: 0 } });

  it('lets a client with the right password produce and the ingest consumer (configured from KAFKA_SASL_*) consume', async () => {
    expect(kafka.sasl).toMatchObject({ mechanism: 'scram-sha-512', username: 'qd766-test' });
    const topic = await kafka.createTopic('sasl-events', 3);
    const dlqTopic = await kafka.createTopic('sasl-dlq', 1);
    // What the ingest app reads from the environment an operator sets (apps/ingest/src/config.ts spreads it).
    const security = kafkaSecurityFromEnv(kafka.clientEnv);
    expect(security.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'qd766-test', password: kafka.sasl?.password });
    const apiKey = await createWriterKey(db.pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM });
    const { ingestion, keys } = ingestionFor(db.pool);
    const consumer = new KafkaIngestConsumer(ingestion, keys, {
      brokers: kafka.brokers, ...security, topic, dlqTopic, groupId: kafka.groupId('sasl-ingest'), createTopics: false,
    });

    const producer = client(kafka.sasl).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const events = new DemoEventStream().take(50);
    await consumer.start();
    try {
      await producer.send({ topic, acks: -1, messages: events.map((e) => toKafkaMessage(e, apiKey)) });
      await waitFor(async () => {
        const r = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
        return r.rows[0].n === events.length;
      }, { what: `${events.length} events consumed over SASL`, timeoutMs: 60_000 });
    } finally {
      await producer.disconnect();
      await consumer.stop();
    }
  });

  it('refuses a wrong password, an unknown user and a client without credentials', async () => {
    if (!kafka.sasl) throw new Error('the test broker must authenticate clients');
    const { mechanism, username, password } = kafka.sasl;
    const user = { mechanism, username, password };
    const wrong = client({ ...user, password: `${user.password}x` }).producer();
    await expect(wrong.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
    const unknown = client({ ...user, username: 'intruder' }).producer();
    await expect(unknown.connect()).rejects.toThrow(/authentication failed/i);
    // No SASL handshake at all: the broker closes the connection, nothing is served.
    const anonymous = client().admin();
    await expect(anonymous.connect().then(() => anonymous.listTopics())).rejects.toThrow();
    await anonymous.disconnect().catch(() => undefined);
  });

  it('reads client credentials from the environment and refuses half a configuration', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
    expect(kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }))
      .toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } });
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u' })).toThrow(/needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_MECHANISM is not/);
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/must be one of/);
  });
});
