export * from './port';
export * from './workspace-root';
export * from './postgres/canonical-json';
export * from './postgres/hash-chain';
export * from './postgres/postgres-event-store';
export * from './postgres/event-subscription';
export * from './postgres/migrations';
export * from './postgres/dead-letters';
