import { type SealKeyFiles, sealKeyFiles } from './seal-key';

export interface LogSealConfig {
  /** How often the sealer seals what was committed since the last seal; 0 = this instance does not seal. */
  readonly intervalMs: number;
  readonly files: SealKeyFiles;
}

/** LOG_SEAL_INTERVAL_MS (default 2000) and the key files (LOG_SEAL_KEY_FILE …, see sealKeyFiles). */
export function logSealConfig(env: NodeJS.ProcessEnv = process.env): LogSealConfig {
  const raw = env['LOG_SEAL_INTERVAL_MS'] ?? '2000';
  const intervalMs = Number(raw);
  if (!Number.isInteger(intervalMs) || intervalMs < 0) throw new Error(`LOG_SEAL_INTERVAL_MS must be a whole number of milliseconds ≥ 0, got "${raw}"`);
  return { intervalMs, files: sealKeyFiles(env) };
}
