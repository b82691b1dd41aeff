export * from './scoring-projector';
export * from './recompute-score';
export * from './score-notifications';
export * from './unit-partition';
export * from './touched-periods';
export * from './projection-lock';
