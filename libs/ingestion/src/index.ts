export * from './split-batch';
export * from './ingestion-service';
