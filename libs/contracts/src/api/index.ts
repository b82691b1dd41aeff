export * from './ingest.dto';
export * from './scores.dto';
export * from './trend.dto';
export * from './explain.dto';
export * from './audit.dto';
export * from './auth.dto';
export * from './log-seal.dto';
export * from './units.dto';
