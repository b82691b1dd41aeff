import type { UnitPartition } from '@idx/scoring-projection';

export interface ScoringConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly batchSize: number;
  readonly refreshMs: number;
  /** How often quarters, halves and years catch up with the months (months are live). */
  readonly longPeriodsMs: number;
  /** At most this many owed unit-periods per flush transaction while live (batches are read between chunks). */
  readonly flushChunk: number;
  readonly partition: UnitPartition;
  /** /health says degraded when the checkpoint has not moved for longer than this while events wait. */
  readonly stallSeconds: number;
}

/** SCORING_PARTITION=i/n makes this instance own the units whose hash mod n = i. */
export function scoringConfig(env: NodeJS.ProcessEnv = process.env): ScoringConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://user:pass@host:5432/qd766)');
  const [index, count] = (env['SCORING_PARTITION'] ?? '0/1').split('/').map(Number);
  if (!(count >= 1 && index >= 0 && index < count)) throw new Error(`SCORING_PARTITION must be i/n with 0 ≤ i < n, got ${env['SCORING_PARTITION']}`);
  return {
    databaseUrl,
    port: Number(env['SCORING_PORT'] ?? 3002),
    batchSize: Number(env['SCORING_BATCH_SIZE'] ?? 5000),
    refreshMs: Number(env['SCORING_REFRESH_MS'] ?? 60000),
    longPeriodsMs: Number(env['SCORING_LONG_PERIODS_MS'] ?? 5000),
    flushChunk: positiveInteger(env, 'SCORING_FLUSH_CHUNK', 20),
    partition: { index, count },
    stallSeconds: Number(env['SCORING_STALL_SECONDS'] ?? 60),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${text}"`);
  return value;
}
