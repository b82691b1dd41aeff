export * from './prisma-client';
export * from './migrations';
export * from './scoring';
export * from './queries/score-queries';
export * from './queries/explain-queries';
export * from './queries/unit-tree-loader';
export * from './audit';
export * from './rebuild';
