export * from './portal-sessions';
export * from './directory-unit-code-resolver';
export * from './portal-sync-service';
export * from './sync-body-items';
