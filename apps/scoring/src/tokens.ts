export const CONFIG = Symbol('ScoringConfig');
