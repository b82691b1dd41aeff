export * from './split-batch';
export * from './ingestion-service';
export * from './kafka';
