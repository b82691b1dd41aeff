import { KAFKA_DEFAULTS, type KafkaClientSecurity, kafkaSecurityFromEnv } from '@idx/ingestion';

export interface IngestConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly maxBodyBytes: number;
  /** How long a portal-sync session lives (PORTAL_SESSION_SECONDS, default 3600). */
  readonly portalSessionSeconds: number;
  /** Kafka ingestion, on when KAFKA_BROKERS is set (distributed mode); HTTP ingest is always on. */
  readonly kafka?: KafkaConfig;
}

export interface KafkaConfig extends KafkaClientSecurity {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly groupId: string;
  readonly dlqTopic: string;
  readonly clientId: string;
  readonly topicPartitions: number;
  readonly maxEventsPerAppend: number;
  readonly partitionsConsumedConcurrently: number;
  readonly maxBytes: number;
  readonly sessionTimeoutMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${env[name]}`);
  return value;
}

export function kafkaConfig(env: NodeJS.ProcessEnv = process.env): KafkaConfig | undefined {
  const brokers = (env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (brokers.length === 0) return undefined;
  return {
    brokers,
    topic: env['KAFKA_TOPIC'] || KAFKA_DEFAULTS.topic,
    groupId: env['KAFKA_GROUP_ID'] || KAFKA_DEFAULTS.groupId,
    dlqTopic: env['KAFKA_DLQ_TOPIC'] || KAFKA_DEFAULTS.dlqTopic,
    clientId: env['KAFKA_CLIENT_ID'] || KAFKA_DEFAULTS.clientId,
    topicPartitions: positive(env, 'KAFKA_TOPIC_PARTITIONS', KAFKA_DEFAULTS.topicPartitions),
    maxEventsPerAppend: positive(env, 'KAFKA_MAX_EVENTS_PER_APPEND', 5000),
    partitionsConsumedConcurrently: positive(env, 'KAFKA_PARTITIONS_CONCURRENTLY', 3),
    maxBytes: positive(env, 'KAFKA_FETCH_MAX_BYTES', 8 * 1024 * 1024),
    sessionTimeoutMs: positive(env, 'KAFKA_SESSION_TIMEOUT_MS', 30_000),
    // KAFKA_SASL_MECHANISM / _USERNAME / _PASSWORD (docs/kafka-security.md).
    ...kafkaSecurityFromEnv(env),
  };
}

export function ingestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://user:pass@host:5432/qd766)');
  const kafka = kafkaConfig(env);
  return {
    databaseUrl,
    port: Number(env['INGEST_PORT'] ?? 3001),
    maxBodyBytes: Number(env['INGEST_MAX_BODY_BYTES'] ?? 32 * 1024 * 1024),
    portalSessionSeconds: positive(env, 'PORTAL_SESSION_SECONDS', 3600),
    ...(kafka ? { kafka } : {}),
  };
}
