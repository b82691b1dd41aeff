export * from './split-batch';
export * from './ingestion-service';
export * from './auth';
export * from './kafka';
export * from './decode-item';
export { firstInvalidUtf8, jsonDepth } from './json-bytes';
export { splitJsonArrayItems, type ArrayItems, type ItemBytes } from './json-array-items';
export * from './portal-sync';
