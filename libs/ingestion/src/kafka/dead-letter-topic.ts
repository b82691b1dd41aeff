import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DLQ_HEADERS } from './kafka-defaults';

export interface RejectedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reason: string;
  readonly eventId?: string;
}

/**
 * Republishes rejected messages on the dead-letter topic: original key and value bytes, original
 * headers (without the `authorization` one), and why it was rejected and where it came from in `qd766-*` headers. Acknowledged by all
 * in-sync replicas before the consumer moves its offset past them.
 */
export class DeadLetterTopic {
  constructor(private readonly producer: Producer, readonly topic: string) {}

  async publish(rejected: readonly RejectedMessage[]): Promise<void> {
    if (rejected.length === 0) return;
    const rejectedAt = new Date().toISOString();
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: rejected.map(({ topic, partition, message, reason, eventId }) => ({
        key: message.key,
        value: message.value,
        headers: {
          ...copyHeaders(message.headers),
          [DLQ_HEADERS.reason]: reason,
          ...(eventId ? { [DLQ_HEADERS.eventId]: eventId } : {}),
          [DLQ_HEADERS.sourceTopic]: topic,
          [DLQ_HEADERS.sourcePartition]: String(partition),
          [DLQ_HEADERS.sourceOffset]: message.offset,
          [DLQ_HEADERS.rejectedAt]: rejectedAt,
        },
      })),
    });
  }
}

/** The original headers but the credential: a dead-letter reader must not learn a writer's API key. */
function copyHeaders(headers: IHeaders | undefined): IHeaders {
  const copy: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && name.toLowerCase() !== 'authorization') copy[name] = value;
  }
  return copy;
}
