import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntilHosted } from '@idx/ingestion';
import { Kafka, logLevel } from 'kafkajs';
import { type BrokerClientSasl, processAlive, type RunningKafkaBroker, startKafkaBroker, waitForKafka } from '../kafka/kafka-broker';

/**
 * A real Kafka broker for the suites that need one (call in beforeAll; the others never pay for it).
 *
 * The first suite of a Jest run to ask starts a single-node KRaft broker from the official jars
 * (fetched once from Maven Central into .cache/kafka) and records it in the run's directory; later
 * suites, in any worker, reuse it; the global teardown stops it. Each suite makes its own topics
 * and consumer groups, so suites do not see each other. TEST_KAFKA_BROKERS uses a broker you run
 * (with KAFKA_SASL_* when it authenticates).
 *
 * The broker authenticates every client with SASL/SCRAM-SHA-512, as production does
 * (docs/kafka-security.md): a suite's clients take `sasl`, apps take `clientEnv`, kcat `kcatArgs`.
 */
export interface TestKafka {
  readonly bootstrap: string;
  readonly brokers: string[];
  /** The test user's credentials (undefined only for a TEST_KAFKA_BROKERS broker without SASL). */
  readonly sasl?: BrokerClientSasl;
  /** KAFKA_BROKERS and KAFKA_SASL_* for an app under test. */
  readonly clientEnv: Readonly<Record<string, string>>;
  /**
   * Where kcat connects (`-b …`): the broker's loopback PLAINTEXT listener, because Debian's kcat
   * (librdkafka 2.0.2) cannot do SCRAM with Kafka 4 (fixed in librdkafka 2.6.1; docs/kafka-security.md).
   */
  readonly kcatArgs: readonly string[];
  /** A client for producing and inspecting (silent logs). */
  readonly kafka: Kafka;
  /** A new topic with a unique name. */
  createTopic(prefix: string, partitions?: number): Promise<string>;
  /** A unique consumer-group id. */
  groupId(prefix: string): string;
}

interface BrokerRecord {
  readonly bootstrap: string;
  readonly sasl?: BrokerClientSasl;
  readonly plaintextBootstrap?: string;
  readonly pid: number;
  readonly dir: string;
  readonly startedInMs: number;
  readonly fetchedJars: boolean;
}

/** Settings of the test broker: short consumer sessions so a killed consumer's partitions move on quickly. */
const TEST_BROKER_CONFIG = { 'group.min.session.timeout.ms': 1000 };

async function withRunLock<T>(runDir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(runDir, 'kafka.lock');
  const deadline = Date.now() + 10 * 60_000; // the first start may fetch the jars
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder && !processAlive(holder)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let ownBroker: RunningKafkaBroker | undefined;

/** The SCRAM user the test broker is formatted with (random per broker; recorded for the run's other workers). */
const testUsers = () => ({ users: [{ username: 'qd766-test', password: randomBytes(16).toString('hex') }], plaintextListener: true });

interface SharedBroker {
  readonly bootstrap: string;
  readonly sasl?: BrokerClientSasl;
  readonly plaintextBootstrap?: string;
}

const shared = (b: SharedBroker): SharedBroker => ({
  bootstrap: b.bootstrap, ...(b.sasl ? { sasl: b.sasl } : {}), ...(b.plaintextBootstrap ? { plaintextBootstrap: b.plaintextBootstrap } : {}),
});

function externalBroker(brokers: string): SharedBroker {
  const { TEST_KAFKA_SASL_USERNAME: username, TEST_KAFKA_SASL_PASSWORD: password } = process.env;
  return { bootstrap: brokers, ...(username && password ? { sasl: { mechanism: 'scram-sha-512', username, password } as const } : {}) };
}

async function sharedBroker(): Promise<SharedBroker> {
  if (process.env['TEST_KAFKA_BROKERS']) return externalBroker(process.env['TEST_KAFKA_BROKERS']);
  const runDir = process.env['QD766_TEST_RUN_DIR'];
  if (!runDir) {
    // Not under the workspace's Jest config: a broker for this process alone.
    ownBroker ??= await startKafkaBroker({ fastStart: true, config: TEST_BROKER_CONFIG, sasl: testUsers() });
    return shared(ownBroker);
  }
  return withRunLock(runDir, async () => {
    const file = join(runDir, 'kafka.json');
    if (existsSync(file)) {
      const known = JSON.parse(readFileSync(file, 'utf8')) as BrokerRecord;
      if (processAlive(known.pid)) {
        await waitForKafka(known.bootstrap, { timeoutMs: 30_000, ...(known.sasl ? { sasl: known.sasl } : {}) });
        return shared(known);
      }
    }
    const broker = await startKafkaBroker({
      dir: join(runDir, 'kafka'),
      fastStart: true,
      detached: true,
      watchPid: Number(process.env['QD766_TEST_RUNNER_PID'] ?? process.ppid),
      config: TEST_BROKER_CONFIG,
      sasl: testUsers(),
    });
    const record: BrokerRecord = { ...shared(broker), pid: broker.pid, dir: broker.dir, startedInMs: broker.startedInMs, fetchedJars: broker.fetchedJars };
    writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
    process.stdout.write(`test Kafka broker at ${broker.bootstrap}: started in ${(broker.startedInMs / 1000).toFixed(1)} s${broker.fetchedJars ? ' (including the first fetch of the jars)' : ''}\n`);
    return shared(broker);
  });
}

export async function startTestKafka(): Promise<TestKafka> {
  const { bootstrap, sasl, plaintextBootstrap } = await sharedBroker();
  const kafka = new Kafka({ clientId: 'qd766-test', brokers: [bootstrap], ...(sasl ? { sasl: { ...sasl } } : {}), logLevel: logLevel.NOTHING });
  const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;
  return {
    bootstrap,
    brokers: [bootstrap],
    ...(sasl ? { sasl } : {}),
    clientEnv: {
      KAFKA_BROKERS: bootstrap,
      ...(sasl ? { KAFKA_SASL_MECHANISM: sasl.mechanism, KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password } : {}),
    },
    kcatArgs: ['-b', plaintextBootstrap ?? bootstrap],
    kafka,
    groupId: unique,
    async createTopic(prefix, partitions = 3) {
      const topic = unique(prefix);
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
        await waitUntilHosted(admin, [topic]);
      } finally {
        await admin.disconnect();
      }
      return topic;
    },
  };
}
