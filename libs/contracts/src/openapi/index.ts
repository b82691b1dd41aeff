export * from './schema-builders';
export * from './event-body.schema';
export * from './api-schemas';
