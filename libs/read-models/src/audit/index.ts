export * from './audit-service';
export * from './projection-at-cut';
export * from './replay-cut';
export * from './replayed-period-scores';
export * from './replayed-rows';
export * from './row-differences';
export * from './stream-history';
