export * from './kafka-defaults';
export * from './message-to-item';
export * from './dead-letter-topic';
export * from './topics';
export * from './kafka-ingest-consumer';
