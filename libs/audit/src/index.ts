export * from './audit-service';
export * from './projection-at-cut';
export * from './replayed-rows';
export * from './row-differences';
export * from './stream-history';
