export * from './database.module';
export * from './log-levels';
