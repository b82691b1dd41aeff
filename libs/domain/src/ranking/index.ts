export * from './rank-units';
export * from './averages';
export * from './peer-ranking';
export * from './rankable-row';
