export * from './score-queries';
export * from './explain-queries';
export * from './known-units';
export * from './unit-tree-loader';
export * from './unit-registry-queries';
// The period's scores and their DTO views, read by the audit's replays and snapshots too.
export { PeriodScores, type ScoredUnit, toFigures } from './period-scores';
export { unitScoreView } from './score-views';
export * from './as-of/replay-cut';
export * from './as-of/replayed-period-scores';
export { UnitTreeCache, type CachedTree } from './cache/unit-tree-cache';
export { structureAt, UnitStructure } from './cache/unit-structure';
export { PeerStandings, type Standing } from './peer-standings';
