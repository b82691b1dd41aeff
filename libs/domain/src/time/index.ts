export * from './periods';
export * from './local-date';
export * from './working-days';
export * from './dated-value';
