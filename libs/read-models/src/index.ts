export * from './prisma-client';
export * from './migrations';
export * from './scoring';
export * from './queries/score-queries';
