import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { workspaceRoot } from '@idx/event-store';

/**
 * A real single-node Apache Kafka broker (KRaft, broker + controller in one JVM) from the official
 * jars on Maven Central — no Docker, no download outside the package registries (DESIGN.md §6).
 *
 *   1. `mvn dependency:copy-dependencies` on org.apache.kafka:kafka_2.13 into .cache/kafka/<version>/libs (once);
 *   2. `kafka.tools.StorageTool format` on a data directory (once per directory);
 *   3. `kafka.Kafka server.properties` on free loopback ports, ready when a client can describe the cluster.
 */
export const KAFKA_VERSION = process.env['KAFKA_VERSION'] ?? '4.3.1';

export interface KafkaBrokerOptions {
  /** Data directory; kept (and not formatted again) when it already holds a broker. Default: a fresh temp dir. */
  readonly dir?: string;
  /** Client port (default: a free one) and controller port (default: a free one). */
  readonly port?: number;
  readonly controllerPort?: number;
  /** Default partitions of topics created by the broker itself. */
  readonly partitions?: number;
  readonly heapMb?: number;
  /** Trade peak speed for a faster JVM start (tests). */
  readonly fastStart?: boolean;
  /** Let the broker outlive this process (a broker shared by several test workers). */
  readonly detached?: boolean;
  /** With `detached`: kill the broker when this process is gone (so a killed test run leaves no JVM behind). */
  readonly watchPid?: number;
  /** Extra server.properties lines. */
  readonly config?: Readonly<Record<string, string | number>>;
  readonly readyTimeoutMs?: number;
  readonly log?: (line: string) => void;
  /**
   * Authenticate clients with SASL/SCRAM-SHA-512 (docs/kafka-security.md): the client listener
   * becomes SASL_PLAINTEXT and these users are created when the data directory is formatted.
   * Without it the listener is PLAINTEXT (benchmarks, loopback only).
   */
  readonly sasl?: {
    readonly users: readonly ScramUser[];
    /**
     * Also a PLAINTEXT listener on loopback, for a client that cannot do SCRAM with Kafka 4: Debian's
     * kcat links librdkafka 2.0.2, whose SCRAM proof Kafka 4.x rejects (fixed in librdkafka 2.6.1,
     * confluentinc/librdkafka#4895). Tests only.
     */
    readonly plaintextListener?: boolean;
  };
}

export interface ScramUser {
  readonly username: string;
  readonly password: string;
}

/** What a kafkajs client passes to reach a SASL broker. */
export interface BrokerClientSasl {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface RunningKafkaBroker {
  /** host:port to give clients (KAFKA_BROKERS). */
  readonly bootstrap: string;
  readonly brokers: string[];
  readonly port: number;
  readonly pid: number;
  readonly dir: string;
  readonly logFile: string;
  /** How long the start took, and whether it had to fetch the jars first. */
  readonly startedInMs: number;
  readonly fetchedJars: boolean;
  /** The first SCRAM user's credentials, when the broker authenticates clients. */
  readonly sasl?: BrokerClientSasl;
  /** host:port of the loopback PLAINTEXT listener, when asked for beside SASL. */
  readonly plaintextBootstrap?: string;
  stop(): Promise<void>;
}

export function kafkaCacheDir(): string {
  return process.env['KAFKA_CACHE_DIR'] ?? join(workspaceRoot(), '.cache', 'kafka');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, timeout: options.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`.trim()));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

function javaBinary(): string {
  const home = process.env['JAVA_HOME'];
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java';
}

async function checkJava(): Promise<void> {
  let version: string;
  try {
    version = await run(javaBinary(), ['-version'], { timeoutMs: 30_000 });
  } catch {
    throw new Error('Kafka needs Java 17 or newer and no `java` was found (Debian: apt-get install -y openjdk-17-jre-headless)');
  }
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) throw new Error(`Kafka ${KAFKA_VERSION} needs Java 17 or newer; found: ${version.split('\n')[0]}`);
}

/**
 * The broker's jars, fetched from Maven Central the first time (about 10–20 s) and cached under
 * .cache/kafka/<version>/libs (gitignored). Safe when several processes ask at once: each fetches
 * into its own directory and the first to finish renames it into place.
 */
export async function ensureKafkaJars(log: (line: string) => void = () => undefined): Promise<{ libs: string; fetched: boolean }> {
  const cache = kafkaCacheDir();
  const libs = join(cache, KAFKA_VERSION, 'libs');
  if (existsSync(join(libs, '.complete'))) return { libs, fetched: false };
  mkdirSync(join(cache, KAFKA_VERSION), { recursive: true });
  const staging = mkdtempSync(join(cache, KAFKA_VERSION, 'fetch-'));
  log(`fetching Apache Kafka ${KAFKA_VERSION} from Maven Central into ${libs} (once)…`);
  try {
    await run('mvn', [
      '-B', '-q', '-Dstyle.color=never', '-f', join(workspaceRoot(), 'tools', 'kafka', 'pom.xml'),
      `-Dkafka.version=${KAFKA_VERSION}`, `-Dmaven.repo.local=${join(cache, 'm2')}`,
      'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`,
    ]).catch((error: Error) => {
      if (/ENOENT/.test(error.message)) throw new Error('fetching the Kafka jars needs Maven (`mvn`; Debian: apt-get install -y maven)');
      throw error;
    });
    if (!existsSync(join(staging, `kafka_2.13-${KAFKA_VERSION}.jar`))) throw new Error(`Maven did not deliver kafka_2.13-${KAFKA_VERSION}.jar into ${staging}`);
    writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, libs);
    } catch (error) {
      if (!existsSync(join(libs, '.complete'))) throw error; // someone else won the race: use theirs
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { libs, fetched: true };
}

/** A Kafka cluster id: 16 random bytes, base64url, not starting with '-' (as Kafka's own Uuid.randomUuid). */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * The client listener: PLAINTEXT, or SASL_PLAINTEXT with SCRAM-SHA-512 — the broker then talks to
 * itself as its own SCRAM user too. The controller listener stays loopback PLAINTEXT (KRaft's
 * controller cannot use SCRAM: its credentials live in the metadata it serves).
 */
function listenerProperties(port: number, brokerUser: ScramUser | undefined, plaintextPort: number | undefined): Record<string, string> {
  if (!brokerUser) {
    return {
      listeners: `PLAINTEXT://127.0.0.1:${port}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name': 'PLAINTEXT',
    };
  }
  const plain = plaintextPort === undefined ? '' : `,PLAINTEXT://127.0.0.1:${plaintextPort}`;
  return {
    listeners: `SASL_PLAINTEXT://127.0.0.1:${port}${plain}`,
    'advertised.listeners': `SASL_PLAINTEXT://127.0.0.1:${port}${plain}`,
    'listener.security.protocol.map': 'SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name': 'SASL_PLAINTEXT',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512,SCRAM-SHA-256',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    // Each enabled mechanism needs its login entry (the broker's own login uses SCRAM-SHA-512).
    ...Object.fromEntries(['scram-sha-512', 'scram-sha-256'].map((m) => [
      `listener.name.sasl_plaintext.${m}.sasl.jaas.config`,
      `org.apache.kafka.common.security.scram.ScramLoginModule required username="${brokerUser.username}" password="${brokerUser.password}";`,
    ])),
  };
}

function serverProperties(
  dir: string, port: number, controllerPort: number, options: KafkaBrokerOptions, brokerUser: ScramUser | undefined, plaintextPort: number | undefined,
): string {
  const listeners = listenerProperties(port, brokerUser, plaintextPort);
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    ...listeners,
    listeners: `${listeners['listeners']},CONTROLLER://127.0.0.1:${controllerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'log.dirs': join(dir, 'data'),
    'num.partitions': options.partitions ?? 3,
    // One node: every internal topic has one replica; few offset partitions start faster.
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 4,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // A consumer group starts at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms': 0,
    ...options.config,
  };
  return Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

function log4jProperties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = file',
    // The request logger and the state-change log are chatty at INFO.
    'logger.request.name = kafka.request.logger',
    'logger.request.level = WARN',
    'logger.state.name = state.change.logger',
    'logger.state.level = WARN',
    '',
  ].join('\n');
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a broker by pid: SIGTERM (a clean shutdown), SIGKILL if it takes longer than `graceMs`. */
export async function stopKafkaProcess(pid: number, graceMs = 15_000): Promise<void> {
  if (!processAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (processAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Waits until a client can describe the cluster (controller elected, broker registered and unfenced). */
export async function waitForKafka(
  bootstrap: string,
  { timeoutMs = 60_000, alive = () => true, sasl }: { timeoutMs?: number; alive?: () => boolean; sasl?: BrokerClientSasl } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const kafka = new Kafka({ clientId: 'qd766-probe', brokers: [bootstrap], ...(sasl ? { sasl: { ...sasl } } : {}), logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } });
  let last: unknown;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('the broker process exited');
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0 && cluster.controller !== null) return;
    } catch (error) {
      last = error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Kafka at ${bootstrap} was not ready within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
}

/**
 * The broker's own SCRAM user (inter-broker authentication): made once with the data directory
 * and kept beside it (mode 600), so a restarted broker on the same directory logs in again.
 */
function brokerScramUser(dir: string, formatted: boolean): ScramUser {
  const file = join(dir, 'broker-scram.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ScramUser;
  if (formatted) throw new Error(`${dir} was formatted without SASL: start it without the sasl option, or use a new directory`);
  const user = { username: 'qd766-broker', password: randomBytes(24).toString('hex') };
  writeFileSync(file, JSON.stringify(user), { mode: 0o600 });
  return user;
}

export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<RunningKafkaBroker> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  await checkJava();
  const { libs, fetched } = await ensureKafkaJars(log);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'qd766-kafka-'));
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const controllerPort = options.controllerPort ?? (await freePort());
  const propsFile = join(dir, 'server.properties');
  const logFile = join(dir, 'server.log');
  const formatted = existsSync(join(dir, 'data', 'meta.properties'));
  const brokerUser = options.sasl ? brokerScramUser(dir, formatted) : undefined;
  const plaintextPort = options.sasl?.plaintextListener ? await freePort() : undefined;
  writeFileSync(propsFile, serverProperties(dir, port, controllerPort, options, brokerUser, plaintextPort));
  writeFileSync(join(dir, 'log4j2.properties'), log4jProperties(logFile));
  const classpath = join(libs, '*');
  const logConfig = `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`;

  for (const u of options.sasl?.users ?? []) {
    // The format tool's syntax ([name=…,password=…]) and the JAAS line cannot escape these.
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(u.username) || !/^[^\s,[\]"=;]{8,128}$/.test(u.password)) {
      throw new Error(`SCRAM user "${u.username}": names are [A-Za-z0-9._-]{1,64}, passwords 8-128 characters without spaces , [ ] " = ;`);
    }
  }
  if (!formatted) {
    // SCRAM users exist from the first start: written into the metadata log by the format.
    const scram = [...(brokerUser ? [brokerUser] : []), ...(options.sasl?.users ?? [])]
      .flatMap((u) => ['SCRAM-SHA-512', 'SCRAM-SHA-256'].flatMap((m) => ['--add-scram', `${m}=[name=${u.username},password=${u.password}]`]));
    await run(javaBinary(), ['-Xmx256m', '-XX:TieredStopAtLevel=1', logConfig, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', propsFile, '--ignore-formatted', ...scram], { timeoutMs: 120_000 });
  }
  const firstUser = options.sasl?.users[0];
  const sasl: BrokerClientSasl | undefined = firstUser ? { mechanism: 'scram-sha-512', username: firstUser.username, password: firstUser.password } : undefined;

  const gc = options.fastStart
    ? ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']
    : ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35', '-XX:+ExplicitGCInvokesConcurrent'];
  const jvm = ['-Xms256m', `-Xmx${options.heapMb ?? 1024}m`, ...gc, '-Djava.awt.headless=true', logConfig, '-cp', classpath, 'kafka.Kafka', propsFile];
  const out = openSync(join(dir, 'stdout.log'), 'a');
  const child: ChildProcess = spawn(javaBinary(), jvm, { detached: options.detached ?? false, stdio: ['ignore', out, out] });
  closeSync(out);
  const pid = child.pid as number;
  let exited = false;
  child.on('exit', () => (exited = true));
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  if (options.detached) {
    child.unref();
    if (options.watchPid) {
      spawn('sh', ['-c', 'while kill -0 "$0" 2>/dev/null && kill -0 "$1" 2>/dev/null; do sleep 2; done; kill -9 "$1" 2>/dev/null; exit 0', String(options.watchPid), String(pid)], {
        detached: true, stdio: 'ignore',
      }).unref();
    }
  } else {
    process.once('exit', killOnExit);
  }

  const bootstrap = `127.0.0.1:${port}`;
  try {
    await waitForKafka(bootstrap, { timeoutMs: options.readyTimeoutMs ?? 90_000, alive: () => !exited && processAlive(pid), ...(sasl ? { sasl } : {}) });
  } catch (error) {
    killOnExit();
    throw new Error(`Kafka broker did not start: ${(error as Error).message}\n--- ${logFile}\n${tail(logFile)}\n--- stdout\n${tail(join(dir, 'stdout.log'))}`);
  }
  const startedInMs = Date.now() - started;
  log(`Kafka ${KAFKA_VERSION} ready at ${bootstrap} in ${(startedInMs / 1000).toFixed(1)} s${fetched ? ' (jars fetched first)' : ''} (data ${dir})`);
  return {
    bootstrap, brokers: [bootstrap], port, pid, dir, logFile, startedInMs, fetchedJars: fetched, ...(sasl ? { sasl } : {}),
    ...(plaintextPort === undefined ? {} : { plaintextBootstrap: `127.0.0.1:${plaintextPort}` }),
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopKafkaProcess(pid);
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
