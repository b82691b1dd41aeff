export * from './audit-service';
export * from './replayed-period-scores';
export * from './stream-history';
