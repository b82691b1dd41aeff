export * from './writer';
export * from './api-key';
export * from './audit-log';
export * from './postgres-credentials';
export * from './cached-authenticator';
export * from './unit-directory';
export * from './write-permission';
