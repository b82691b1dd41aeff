export * from './events';
export * from './api';
export * from './openapi';
