import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';

export interface ReportingConfig {
  readonly databaseUrl: string;
  readonly port: number;
  /** The built console (apps/web); served at / when present. */
  readonly webDir?: string;
}

export function reportingConfig(env: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://user:pass@host:5432/qd766)');
  const webDir = env['WEB_DIST_DIR'] ?? join(workspaceRoot(), 'dist', 'apps', 'web', 'browser');
  return { databaseUrl, port: Number(env['REPORTING_PORT'] ?? 3000), webDir: existsSync(join(webDir, 'index.html')) ? webDir : undefined };
}
