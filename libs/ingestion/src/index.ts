export * from './split-batch';
export * from './ingestion-service';
export * from './auth';
export * from './kafka';
