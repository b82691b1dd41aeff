import type { UnitPartition } from '@idx/scoring-projection';

export interface ScoringConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly batchSize: number;
  readonly refreshMs: number;
  /** How often quarters, halves and years catch up with the months (months are live). */
  readonly longPeriodsMs: number;
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
    partition: { index, count },
    stallSeconds: Number(env['SCORING_STALL_SECONDS'] ?? 60),
  };
}
