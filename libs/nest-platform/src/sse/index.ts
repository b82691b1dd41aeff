export * from './sse-broadcaster';
export * from './sse-limits';
