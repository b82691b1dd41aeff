import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { UnitScoreDto } from '@idx/contracts';
import { REFERENCE_SOURCE_SYSTEM } from '@idx/domain';
import { workspaceRoot } from '@idx/event-store';
import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startReporting } from '../../apps/reporting/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { createWriterKey } from '../testing/writer-key';
import { benchDatabase, machineLine, textArg } from './bench-support';

/**
 * `npm run bench -- simulator [simulator flags…] [--watch=UNIT]`: the three services in this process
 * on a fresh PostgreSQL, the simulator as its own process (as npm start runs it) with the flags
 * given (default: the demo). Prints the simulator's own lines (events/s, RSS), the time until
 * the watched unit's current-month score first shows, and until it first moves after that
 * (what a newcomer waits for in the console), then stops.
 */
async function main(): Promise<void> {
  console.log(machineLine());
  const db = await benchDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, INGEST_PORT: '0', SCORING_PORT: '0', REPORTING_PORT: '0', LOG_LEVELS: 'error,warn', WEB_DIST_DIR: '/nonexistent', READS_PUBLIC: 'true' });
  const apps = [await startReporting(), await startIngest(), await startScoring()];
  const [reportingUrl, ingestUrl] = apps.slice(0, 2).map((app) => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`);
  const pool = new Pool({ connectionString: db.url, max: 1 });
  const registryKey = await createWriterKey(pool, { sourceSystem: REFERENCE_SOURCE_SYSTEM, units: ['*'], manageUnits: true });
  const apiKey = await createWriterKey(pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM, units: ['*'], manageUnits: false });
  await pool.end();
  const watch = textArg('watch') ?? 'HY25';
  const flags = process.argv.slice(2).filter((a) => !a.startsWith('--watch='));
  const started = Date.now();
  const child = spawn(process.execPath, ['--require', join(workspaceRoot(), 'tools/runtime/lib-paths.cjs'), join(workspaceRoot(), 'dist/tools/cli/tools/simulator/simulate.js'), ...flags], {
    cwd: workspaceRoot(), stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, INGEST_URL: ingestUrl, QD766_API_KEY: apiKey, QD766_NATIONAL_API_KEY: apiKey, QD766_REGISTRY_API_KEY: registryKey },
  });
  child.stdout.on('data', (b: Buffer) => process.stdout.write(`  [+${((Date.now() - started) / 1000).toFixed(1)} s] ${b.toString()}`));
  let shown: number | undefined;
  let first: number | undefined;
  for (;;) {
    const res = await fetch(`${reportingUrl}/api/v1/units/${watch}/scores`).catch(() => undefined);
    const score = res?.status === 200 ? ((await res.json()) as UnitScoreDto) : undefined;
    if (score?.hasData) {
      if (shown === undefined) {
        shown = Date.now() - started;
        first = score.total;
        console.log(`bench: ${watch}'s score first shows after ${(shown / 1000).toFixed(1)} s (${score.total})`);
      } else if (score.total !== first) {
        console.log(`bench: ${watch}'s score moves after ${((Date.now() - started) / 1000).toFixed(1)} s (${first} → ${score.total})`);
        break;
      }
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  for (const app of apps.reverse()) await app.close();
  await db.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
