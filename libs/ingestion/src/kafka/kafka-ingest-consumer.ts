import { type Consumer, type EachBatchPayload, Kafka, type LogEntry, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { IngestResponseDto } from '@idx/contracts';
import type { Authenticator } from '../auth/cached-authenticator';
import type { Writer } from '../auth/writer';
import type { BatchWriters } from '../ingestion-service';
import type { BatchItem } from '../split-batch';
import { DeadLetterTopic, type RejectedMessage } from './dead-letter-topic';
import { KAFKA_DEFAULTS, type KafkaClientSecurity } from './kafka-defaults';
import { itemOfMessage } from './message-to-item';
import { ensureTopics } from './topics';

/** What the consumer needs from ingestion: the same validate → append → dead-letter path as HTTP. */
export interface Ingestor {
  ingest(items: readonly BatchItem[], source: string, writers: BatchWriters): Promise<IngestResponseDto>;
}

export interface KafkaIngestLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface KafkaIngestOptions {
  readonly brokers: readonly string[];
  readonly topic?: string;
  readonly dlqTopic?: string;
  readonly groupId?: string;
  readonly clientId?: string;
  /** Create the event and dead-letter topics with this many partitions when they do not exist. */
  readonly createTopics?: boolean;
  readonly topicPartitions?: number;
  /** Most events per append (one store transaction); a fetched batch is cut into such chunks. */
  readonly maxEventsPerAppend?: number;
  /** Partitions processed at once (each its own append); ordering within a partition is kept. */
  readonly partitionsConsumedConcurrently?: number;
  /** Bounds on what one fetch brings into memory: nothing else is buffered. */
  readonly maxBytes?: number;
  readonly maxBytesPerPartition?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Where a new consumer group starts: the earliest message (default) or only new ones. */
  readonly fromBeginning?: boolean;
  readonly logger?: KafkaIngestLogger;
  /** Called after each chunk is stored and dead-lettered (metrics, tests). */
  readonly onChunk?: (chunk: ChunkSummary) => void;
  /** A ready client (tests); built from `brokers` otherwise. */
  readonly kafka?: Kafka;
  /** Authentication to the broker (SASL/SCRAM), from kafkaSecurityFromEnv (docs/kafka-security.md). */
  readonly sasl?: KafkaClientSecurity['sasl'];
  readonly ssl?: boolean;
}

export interface ChunkSummary {
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: string;
  readonly lastOffset: string;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly conflict: number;
  readonly ms: number;
}

export type KafkaIngestState = 'stopped' | 'starting' | 'running' | 'stopping';

export interface KafkaIngestStatus {
  readonly state: KafkaIngestState;
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly dlqTopic: string;
  readonly groupId: string;
  /** This instance's member id and partitions of the topic, as of the last group join kafkajs reported. */
  readonly memberId?: string;
  readonly assignedPartitions: readonly number[];
  readonly messages: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly conflict: number;
  /** Messages behind the partition's end, per partition, as of the last chunk processed there. */
  readonly lag: Readonly<Record<string, number>>;
  readonly lastChunkAt?: string;
  readonly lastError?: string;
}

/** The per-message credential header. Kafka header names are case-sensitive: `Authorization` is read too. */
export const AUTHORIZATION_HEADER = 'authorization';

/** A Kafka header value as text: kafkajs hands out Buffers, strings or (for repeated headers) arrays — the first counts. */
function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

const SILENT = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Consumes the dossier-event topic in a consumer group and feeds it through ingestion.
 *
 * Per fetched batch and partition, in chunks of at most `maxEventsPerAppend` messages: check each
 * message's `authorization` header (a refused key makes that message a reject) and decode its
 * value into a batch item → `ingest` with each message's writer (validate, check the writer's
 * source and units, append idempotently on eventId, keep rejects in the dead_letters table) → publish the rejects on the dead-letter topic → only then resolve the chunk's
 * last offset (committed after the batch and at least every second) → heartbeat. A crash anywhere
 * redelivers from the last committed offset; re-appended events answer "duplicate", so each event
 * is stored exactly once (at-least-once delivery + idempotent append). Memory is bounded by one
 * fetch (`maxBytes`): kafkajs fetches again only when the batches of the last fetch are done.
 */
export class KafkaIngestConsumer {
  private readonly topic: string;
  private readonly dlqTopic: string;
  private readonly groupId: string;
  private readonly maxEventsPerAppend: number;
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly logger: KafkaIngestLogger;
  private consumer?: Consumer;
  private producer?: Producer;
  private deadLetters?: DeadLetterTopic;
  private state: KafkaIngestState = 'stopped';
  private assigned: number[] = [];
  private memberId?: string;
  private readonly counts = { messages: 0, accepted: 0, duplicate: 0, rejected: 0, conflict: 0 };
  private readonly lag: Record<string, number> = {};
  private lastChunkAt?: Date;
  private lastError?: string;

  /**
   * `keys` checks the `authorization: Bearer <api key>` header of every message (wrap it in a
   * CachedAuthenticator: a chunk of thousands of messages usually carries a handful of keys).
   */
  constructor(private readonly ingestion: Ingestor, private readonly keys: Authenticator, private readonly options: KafkaIngestOptions) {
    this.topic = options.topic ?? KAFKA_DEFAULTS.topic;
    this.dlqTopic = options.dlqTopic ?? KAFKA_DEFAULTS.dlqTopic;
    this.groupId = options.groupId ?? KAFKA_DEFAULTS.groupId;
    this.maxEventsPerAppend = Math.max(1, options.maxEventsPerAppend ?? 5000);
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 30_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? Math.min(3_000, Math.floor(this.sessionTimeoutMs / 3));
    this.logger = options.logger ?? SILENT;
    if (this.topic === this.dlqTopic) throw new Error(`the dead-letter topic must differ from the event topic (${this.topic})`);
  }

  /** Connects, makes sure the topics exist, joins the group and starts consuming (returns once running). */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    try {
      const kafka = this.options.kafka ?? new Kafka({
        clientId: this.options.clientId ?? KAFKA_DEFAULTS.clientId,
        brokers: [...this.options.brokers],
        ...(this.options.sasl ? { sasl: { ...this.options.sasl } } : {}),
        ...(this.options.ssl ? { ssl: true } : {}),
        logLevel: logLevel.WARN,
        logCreator: () => (entry) => this.kafkaLog(entry),
      });
      if (this.options.createTopics ?? true) {
        const created = await ensureTopics(kafka, [this.topic, this.dlqTopic], this.options.topicPartitions ?? KAFKA_DEFAULTS.topicPartitions);
        if (created.length > 0) this.logger.log(`created topic(s) ${created.join(', ')}`);
      }
      this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await this.producer.connect();
      this.deadLetters = new DeadLetterTopic(this.producer, this.dlqTopic);
      const consumer = kafka.consumer({
        groupId: this.groupId,
        sessionTimeout: this.sessionTimeoutMs,
        heartbeatInterval: this.heartbeatIntervalMs,
        maxBytes: this.options.maxBytes ?? 8 * 1024 * 1024,
        maxBytesPerPartition: this.options.maxBytesPerPartition ?? 2 * 1024 * 1024,
        maxWaitTimeInMs: 500,
        allowAutoTopicCreation: false,
        // Restart after any crash (a coordinator still loading, a lost broker) unless we are stopping.
        retry: { retries: 8, restartOnFailure: async () => this.state === 'starting' || this.state === 'running' },
      });
      this.consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        this.assigned = [...(payload.memberAssignment[this.topic] ?? [])].sort((a, b) => a - b);
        this.memberId = payload.memberId;
        this.logger.log(`joined group ${this.groupId} as ${payload.memberId}${payload.isLeader ? ' (leader)' : ''}; partitions of ${this.topic}: ${this.assigned.join(', ') || 'none'}`);
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        this.lastError = payload.error.message;
        if (payload.restart) this.logger.warn(`consumer crashed (${payload.error.message}); restarting from the last committed offsets`);
        else this.logger.error(`consumer crashed (${payload.error.message}) and stopped`);
      });
      await consumer.connect();
      await consumer.subscribe({ topic: this.topic, fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommit: true,
        autoCommitInterval: 1000,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      this.state = 'running';
      this.logger.log(`consuming ${this.topic} from ${this.options.brokers.join(',')} in group ${this.groupId}; rejects to ${this.dlqTopic}`);
    } catch (error) {
      this.lastError = (error as Error).message;
      await this.disconnect();
      this.state = 'stopped';
      throw error;
    }
  }

  /** Finishes the batch in hand, commits what was stored, leaves the group. */
  async stop(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'stopping') return;
    this.state = 'stopping';
    await this.disconnect();
    this.state = 'stopped';
  }

  status(): KafkaIngestStatus {
    return {
      state: this.state,
      brokers: this.options.brokers,
      topic: this.topic,
      dlqTopic: this.dlqTopic,
      groupId: this.groupId,
      ...(this.memberId ? { memberId: this.memberId } : {}),
      assignedPartitions: this.assigned,
      ...this.counts,
      lag: { ...this.lag },
      ...(this.lastChunkAt ? { lastChunkAt: this.lastChunkAt.toISOString() } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private async disconnect(): Promise<void> {
    await this.consumer?.disconnect().catch((e: Error) => this.logger.warn(`consumer disconnect: ${e.message}`));
    await this.producer?.disconnect().catch((e: Error) => this.logger.warn(`producer disconnect: ${e.message}`));
    this.consumer = undefined;
    this.producer = undefined;
    this.assigned = [];
    this.memberId = undefined;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const source = `kafka:${batch.topic}/${batch.partition}`;
    const highWatermark = Number(batch.highWatermark);
    for (let start = 0; start < batch.messages.length; start += this.maxEventsPerAppend) {
      // A rebalance took the partition away, or we are shutting down: leave the rest unresolved.
      if (!payload.isRunning() || payload.isStale()) return;
      const started = Date.now();
      const chunk = batch.messages.slice(start, start + this.maxEventsPerAppend);
      // Keep the group membership alive while a slow append runs (kafkajs heartbeats only when asked).
      // A failed beat (a rebalance) shows again in the heartbeat awaited after the chunk.
      const beating = setInterval(() => void payload.heartbeat().catch(() => undefined), this.heartbeatIntervalMs);
      let answer: IngestResponseDto;
      try {
        const items: BatchItem[] = [];
        const writers: (Writer | undefined)[] = [];
        for (const m of chunk) {
          const auth = await this.keys.authenticate(headerText(m.headers?.[AUTHORIZATION_HEADER] ?? m.headers?.['Authorization']));
          items.push(auth.ok ? itemOfMessage(m.value) : { raw: m.value ?? Buffer.alloc(0), ok: false, reason: auth.reason });
          writers.push(auth.ok ? auth.writer : undefined);
        }
        answer = await this.ingestion.ingest(items, source, writers);
        const rejected: RejectedMessage[] = [];
        answer.results.forEach((result, i) => {
          if (result.status === 'rejected' || result.status === 'conflict') {
            rejected.push({ topic: batch.topic, partition: batch.partition, message: chunk[i], reason: result.reason ?? 'rejected', eventId: result.eventId });
          }
        });
        await (this.deadLetters as DeadLetterTopic).publish(rejected);
      } finally {
        clearInterval(beating);
      }
      const lastOffset = chunk[chunk.length - 1].offset;
      payload.resolveOffset(lastOffset);
      this.counts.messages += chunk.length;
      this.counts.accepted += answer.accepted;
      this.counts.duplicate += answer.duplicate;
      this.counts.rejected += answer.rejected;
      this.counts.conflict += answer.conflict;
      this.lag[String(batch.partition)] = Math.max(0, highWatermark - 1 - Number(lastOffset));
      this.lastChunkAt = new Date();
      this.lastError = undefined;
      this.options.onChunk?.({
        topic: batch.topic, partition: batch.partition, firstOffset: chunk[0].offset, lastOffset,
        accepted: answer.accepted, duplicate: answer.duplicate, rejected: answer.rejected, conflict: answer.conflict, ms: Date.now() - started,
      });
      await payload.heartbeat();
      await payload.commitOffsetsIfNecessary();
    }
  }

  private kafkaLog({ level, log }: LogEntry): void {
    const { message, error } = log as { message: string; error?: string };
    const text = `kafkajs: ${message}${error ? ` (${error})` : ''}`;
    // kafkajs reports retried, transient failures at ERROR; our own crash handler reports real ones.
    if (level === logLevel.ERROR || level === logLevel.WARN) this.logger.warn(text);
    else this.logger.log(text);
  }
}
