export interface IngestConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly maxBodyBytes: number;
}

export function ingestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://user:pass@host:5432/qd766)');
  return {
    databaseUrl,
    port: Number(env['INGEST_PORT'] ?? 3001),
    maxBodyBytes: Number(env['INGEST_MAX_BODY_BYTES'] ?? 32 * 1024 * 1024),
  };
}
