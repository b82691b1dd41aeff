export * from './rebuild-state';
export * from './projection-rebuild';
