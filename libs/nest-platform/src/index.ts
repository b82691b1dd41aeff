export * from './database.module';
export * from './log-levels';
export * from './http-hardening';
export * from './sse';
export * from './openapi';
