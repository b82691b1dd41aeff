import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { INestApplication } from '@nestjs/common';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, watchPool, workspaceRoot } from '@idx/event-store';
import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, benchWriter, machineLine, textArg } from './bench-support';
import { percentile } from './cpu-meter';
import { profilePhase } from './phase-profile';

/**
 * Append → score visible, at a sustained rate: posts batches over HTTP every tick and times each
 * from its acceptance until the scoring projection's checkpoint covers its last event.
 *   npm run bench -- projection-lag --rate=2000 --seconds=30 [--preload=200000] [--services=separate,together] [--rounds=1] [--cpu-prof=lag.cpuprofile]
 * --services: how ingest and scoring run, one round each per shape in turn (each on a fresh database):
 *   `separate` (the default) each in a process of its own, as the platform runs them
 *   (tools/platform/start.mjs; tools/bench/service-child.ts); `together` both in this process, with
 *   the sender (what this benchmark measured before 2 December 2026: the three share one event loop).
 * --cpu-prof: `together` profiles the sending phase of this process; `separate` writes
 *   <file>.ingest and <file>.scoring, each child's from serving to the end of the round.
 * --preload=N appends about N events of the same units and month straight to the store first and
 * waits for scoring to catch up: the units are then large, as a real province's are, and a batch's
 * cost shows whether it grows with the unit's size (docs/projection-tallies.md).
 * Aim (DESIGN.md §7): p99 < 500 ms at 2,000 events/s.
 */
type Shape = 'separate' | 'together';

/** A running service: where it serves, and how to stop it. */
interface Service {
  readonly url: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const rate = arg('rate', 2000);
  const seconds = arg('seconds', 30);
  const rounds = arg('rounds', 1);
  const shapes = (textArg('services') ?? 'separate').split(',').map((s) => s.trim()) as Shape[];
  for (const s of shapes) if (s !== 'separate' && s !== 'together') throw new Error(`--services: "${s}" is not separate or together`);
  console.log(machineLine());
  console.log(`projection-lag: ${rate} events/s for ${seconds} s (${Math.round(rate / 10)} events every 100 ms), ${rounds} round(s) of ${shapes.join(', ')}`);
  for (let round = 1; round <= rounds; round++) {
    for (const shape of shapes) await runRound(shape, round, rate, seconds);
  }
}

async function runRound(shape: Shape, round: number, rate: number, seconds: number): Promise<void> {
  const tickMs = 100;
  const perTick = Math.round((rate * tickMs) / 1000);
  const db = await benchDatabase();
  const env = { DATABASE_URL: db.url, INGEST_PORT: '0', SCORING_PORT: '0', LOG_LEVELS: 'error,warn', SCORING_REFRESH_MS: '3600000' };
  Object.assign(process.env, env);
  const profile = textArg('cpu-prof');
  // Watched: the embedded server stops at the end, and an idle connection it drops must not crash the report.
  const pool = watchPool(new Pool({ connectionString: db.url, max: 2 }));
  const gen = new DossierGenerator();
  const now = Date.now();
  // Ingest first: it applies the store's migrations, which the preload writes into.
  const ingest = shape === 'separate' ? await childService('ingest', env, profile && `${profile}.ingest`) : await inProcess(startIngest);
  const preload = arg('preload', 0);
  if (preload > 0) {
    const store = new PostgresEventStore(pool);
    for (let appended = 0; appended < preload;) {
      const chunk: DomainEvent[] = [];
      while (chunk.length < 5000) chunk.push(...gen.dossier(DEMO_UNITS[Math.floor(Math.random() * DEMO_UNITS.length)], now - 3_600_000 - Math.random() * 86_400_000, 86_400_000, now).due);
      await store.appendMany(chunk.map((event) => ({ streamId: streamIdOf(event), event })));
      appended += chunk.length;
    }
  }
  const preloadStarted = Date.now();
  const scoring = shape === 'separate' ? await childService('scoring', env, profile && `${profile}.scoring`) : await inProcess(startScoring);
  if (preload > 0) {
    await caughtUp(pool);
    const subjects = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM subject_facts');
    console.log(`preloaded ${preload} events (${subjects.rows[0].n} subjects over ${DEMO_UNITS.length} units), scored in ${((Date.now() - preloadStarted) / 1000).toFixed(1)} s`);
  }
  const auth = await benchWriter(db.url, ingest.url);

  const queue: DomainEvent[] = [];
  const pending: { position: bigint; acceptedAt: number }[] = [];
  const lags: number[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching || pending.length > 0) {
      const r = await pool.query<{ p: string }>("SELECT coalesce(max(position), 0)::text AS p FROM projection_checkpoints WHERE name LIKE 'scoring%'");
      const projected = BigInt(r.rows[0].p);
      const t = Date.now();
      while (pending.length > 0 && pending[0].position <= projected) lags.push(t - (pending.shift() as { acceptedAt: number }).acceptedAt);
      await new Promise((res) => setTimeout(res, 5));
    }
  })();

  const started = Date.now();
  let sent = 0;
  const loads: number[] = [];
  await profilePhase(shape === 'together' ? profile : undefined, async () => {
    for (let tick = 0; tick < (seconds * 1000) / tickMs; tick++) {
      while (queue.length < perTick) queue.push(...gen.dossier(DEMO_UNITS[Math.floor(Math.random() * DEMO_UNITS.length)], now - 3_600_000, 86_400_000, now).due);
      const batch = queue.splice(0, perTick);
      const res = await fetch(`${ingest.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...auth }, body: batch.map((e) => JSON.stringify(e)).join('\n') });
      const answer = (await res.json()) as { results: { globalPosition?: string }[] };
      const positions = answer.results.map((r) => BigInt(r.globalPosition ?? '0'));
      pending.push({ position: positions.reduce((a, b) => (b > a ? b : a), 0n), acceptedAt: Date.now() });
      sent += batch.length;
      const wait = started + (tick + 1) * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (tick % 10 === 9) {
        loads.push(loadavg()[0]);
        process.stdout.write(`\r  ${shape}, round ${round}: ${sent} events sent, ${lags.length} batches projected   `);
      }
    }
  });
  watching = false;
  await watcher;
  process.stdout.write('\n');
  const achieved = sent / ((Date.now() - started) / 1000);
  await scoring.stop();
  await ingest.stop();
  await pool.end();
  await db.stop();
  const load = loads.length === 0 ? '' : `; load ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`;
  console.log(
    `RESULT projection lag (${shape}, round ${round}) at ${Math.round(achieved)} events/s over ${seconds} s: p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, ` +
      `max ${Math.max(...lags)} ms (${lags.length} batches; aim p99 < 500 ms at 2000 events/s${load})`,
  );
}

/** Until the scoring checkpoint is at the log's head and nothing is owed. */
async function caughtUp(pool: Pool): Promise<void> {
  for (;;) {
    const r = await pool.query<{ behind: boolean }>(
      `SELECT (SELECT coalesce(max(global_position), 0) FROM events) > (SELECT coalesce(max(position), 0) FROM projection_checkpoints WHERE name LIKE 'scoring%')
          OR EXISTS (SELECT 1 FROM pending_recomputes) AS behind`,
    );
    if (!r.rows[0].behind) return;
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function inProcess(start: () => Promise<INestApplication>): Promise<Service> {
  const app = await start();
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

/** A service in a process of its own (service-child.ts), once it serves. */
async function childService(name: 'ingest' | 'scoring', env: Record<string, string>, profile: string | undefined): Promise<Service> {
  const root = workspaceRoot();
  const child: ChildProcess = spawn(
    process.execPath, ['--require', join(root, 'tools/runtime/lib-paths.cjs'), join(root, 'dist/tools/cli/tools/bench/service-child.js'), name],
    { cwd: root, env: { ...process.env, ...env, ...(profile ? { BENCH_CPU_PROF: profile } : {}) }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before serving`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const hit = /^LISTENING (\d+)$/.exec(line);
      if (hit) resolve(Number(hit[1]));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.send('stop');
      await exited;
      if (profile) console.log(`cpu profile of ${name}: ${profile}`);
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
