export * from './figures';
export * from './score';
export * from './calculators';
export * from './criterion-05-on-time';
export * from './criterion-08-online-filing';
