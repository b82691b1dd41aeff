export * from './rebuild-state';
export * from './running-tallies';
export * from './projection-rebuild';
