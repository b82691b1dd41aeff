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
