export * from './scoring';
export * from './rebuild';
