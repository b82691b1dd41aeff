export * from './prisma-client';
export * from './migrations';
export * from './scoring';
export * from './queries/score-queries';
export * from './queries/explain-queries';
export * from './queries/known-units';
export * from './audit';
export * from './rebuild';
