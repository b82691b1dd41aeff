export * from './ingest.dto';
export * from './scores.dto';
