import type { SASLOptions } from 'kafkajs';

/** Names shared by the consumer, the producer tool and docker-compose.yml (README: distributed mode). */
export const KAFKA_DEFAULTS = {
  topic: 'qd766.events',
  dlqTopic: 'qd766.events.dlq',
  groupId: 'qd766-ingest',
  clientId: 'qd766-ingest',
  /** Partitions of the topics when the consumer has to create them; messages are keyed by unitCode. */
  topicPartitions: 6,
} as const;

/** Headers of a message on the dead-letter topic (its key and value are the original bytes). */
export const DLQ_HEADERS = {
  reason: 'qd766-reason',
  eventId: 'qd766-event-id',
  sourceTopic: 'qd766-source-topic',
  sourcePartition: 'qd766-source-partition',
  sourceOffset: 'qd766-source-offset',
  rejectedAt: 'qd766-rejected-at',
} as const;

/** SASL mechanisms a client may name in KAFKA_SASL_MECHANISM (SCRAM-SHA-512 is what docs/kafka-security.md sets up). */
const SASL_MECHANISMS = { 'scram-sha-512': 'scram-sha-512', 'scram-sha-256': 'scram-sha-256', plain: 'plain' } as const;

type PasswordSasl = Extract<SASLOptions, { mechanism: 'scram-sha-512' }> | Extract<SASLOptions, { mechanism: 'scram-sha-256' }> | Extract<SASLOptions, { mechanism: 'plain' }>;

/** How a kafkajs client authenticates to the broker: SASL (and TLS when asked). */
export interface KafkaClientSecurity {
  readonly sasl?: PasswordSasl;
  readonly ssl?: boolean;
}

/**
 * Kafka client authentication from the environment, shared by the ingest consumer, the producer
 * and the bench: KAFKA_SASL_MECHANISM (scram-sha-512 | scram-sha-256 | plain), KAFKA_SASL_USERNAME,
 * KAFKA_SASL_PASSWORD; KAFKA_SSL=true for a SASL_SSL listener. None set: no authentication.
 * A half-configured setting fails at start with a reason, never silently falls back to none.
 */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaClientSecurity {
  const raw = (env['KAFKA_SASL_MECHANISM'] ?? '').trim().toLowerCase();
  const username = env['KAFKA_SASL_USERNAME'] ?? '';
  const password = env['KAFKA_SASL_PASSWORD'] ?? '';
  const ssl = (env['KAFKA_SSL'] ?? '').trim().toLowerCase();
  if (ssl !== '' && ssl !== 'true' && ssl !== 'false') throw new Error(`KAFKA_SSL must be true or false, got "${env['KAFKA_SSL']}"`);
  const tls = ssl === 'true' ? { ssl: true } : {};
  if (raw === '') {
    if (username || password) throw new Error('KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SASL_MECHANISM is not (use scram-sha-512)');
    return tls;
  }
  const mechanism = SASL_MECHANISMS[raw as keyof typeof SASL_MECHANISMS];
  if (!mechanism) throw new Error(`KAFKA_SASL_MECHANISM must be one of ${Object.keys(SASL_MECHANISMS).join(', ')}, got "${env['KAFKA_SASL_MECHANISM']}"`);
  if (!username || !password) throw new Error(`KAFKA_SASL_MECHANISM=${raw} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`);
  return { sasl: { mechanism, username, password } as PasswordSasl, ...tls };
}
