export * from './test-database';
export * from './wait-for';
export * from './event-factory';
export * from './csv';
export * from './hostile-events';
export * from './openapi-validator';
export * from './pdf-text';
