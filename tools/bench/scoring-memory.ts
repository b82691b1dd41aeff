import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, PostgresEventSubscription, START, workspaceRoot } from '@idx/event-store';
import { createReadModelClient, migrateDatabase } from '@idx/read-models';
import { RECOMPUTE_SUBJECT_BUDGET, ScoringProjector } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { profileOf } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, machineLine, progress, textArg } from './bench-support';

/**
 * Scoring's catch-up from zero, at several numbers of events: the peak memory of the process doing
 * it must not grow with the events (DESIGN.md §7: bounded by units × periods).
 *   npm run bench -- scoring-memory [--sizes=100000,300000,900000] [--old=1] [--budget=20000]
 * Events grow as a country grows: more units, each with the same dossiers a month (three months).
 * Each catch-up runs in a child process of its own (so loading the store does not count), as the
 * scoring service does it: batches of SCORING_BATCH_SIZE (5000), recompute deferred while behind,
 * then everything owed recomputed at once. It prints the child's peak RSS (getrusage). With
 * `--old=1` each size also runs with no subject budget (every unit of a period recomputed in one
 * group, as before the bounded recompute) for comparison in the same run.
 */
const EVENTS_PER_UNIT = 12_000;
const BATCH = 5000;

async function child(url: string, budget: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 2 });
  const prisma = createReadModelClient(url, 2);
  const projector = new ScoringProjector(prisma, { name: 'bench', recomputeSubjectBudget: budget });
  const store = new PostgresEventStore(pool);
  const total = Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0].n);
  const subscription = new PostgresEventSubscription(pool, store, { batchSize: BATCH, idleWaitMs: 100 });
  let projected = 0;
  let foldSeconds = 0;
  // RSS keeps memory the heap has freed; the live heap's peak, sampled, says what was held at once.
  let heapPeak = 0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
  const started = Date.now();
  await subscription.run(START, async (batch) => {
    projected += batch.events.length;
    await projector.handle(batch, { deferRecompute: batch.events.length >= BATCH });
  }, async () => {
    if (projected < total) return;
    foldSeconds = (Date.now() - started) / 1000;
    await projector.flushPending();
    subscription.stop();
  });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const finished = Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM finished_scores')).rows[0].n);
  await prisma.$disconnect();
  await pool.end();
  // getrusage's maxrss is in KiB on Linux.
  process.stdout.write(`${JSON.stringify({ events: projected, finished, seconds, foldSeconds, peakRssMiB: process.resourceUsage().maxRSS / 1024, heapPeakMiB: heapPeak / 2 ** 20 })}\n`);
}

interface ChildReport {
  readonly events: number;
  readonly finished: number;
  readonly seconds: number;
  readonly foldSeconds: number;
  readonly peakRssMiB: number;
  readonly heapPeakMiB: number;
}

function describe(r: ChildReport): string {
  return `peak RSS ${r.peakRssMiB.toFixed(0)} MiB, peak heap ${r.heapPeakMiB.toFixed(0)} MiB; catch-up ${r.seconds.toFixed(1)} s = ${Math.round(r.events / r.seconds)} events/s ` +
    `(fold ${r.foldSeconds.toFixed(1)} s, recompute ${(r.seconds - r.foldSeconds).toFixed(1)} s), ${r.finished} finished rows`;
}

function runChild(url: string, budget: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--require', join(workspaceRoot(), 'tools/runtime/lib-paths.cjs'), __filename, '--child', `--db=${url}`, `--budget=${budget}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string) as ChildReport) : reject(new Error(`catch-up child exited with ${code}`))));
  });
}

async function load(url: string, total: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 3 });
  await migrateDatabase(pool);
  const store = new PostgresEventStore(pool);
  const gen = new DossierGenerator();
  const unitCount = Math.max(1, Math.round(total / EVENTS_PER_UNIT));
  const province = profileOf('MB', 'Tỉnh đo bộ nhớ', 'province');
  const units = Array.from({ length: unitCount }, (_, i) => profileOf(`MB${String(i + 1).padStart(4, '0')}`, `Xã ${i + 1}`, 'commune', 'MB'));
  const since = Date.parse('2024-01-01T00:00:00+07:00');
  await store.appendMany([province, ...units].map((u) => gen.unitRegistered(u, since)).map((event) => ({ streamId: streamIdOf(event), event })));
  const start = Date.parse('2025-02-01T00:00:00+07:00');
  const end = Date.parse('2025-05-01T00:00:00+07:00');
  let appended = 0;
  const started = Date.now();
  let turn = 0;
  const next = (): DomainEvent[] => {
    const batch: DomainEvent[] = [];
    while (batch.length < 5000 && appended + batch.length < total) {
      const unit = units[turn++ % units.length];
      batch.push(...gen.dossier(unit, start + Math.random() * (end - start - 5 * 86_400_000), 3 * 86_400_000, end).due);
    }
    return batch.slice(0, total - appended);
  };
  // Two writers: loading is set-up, not what is measured.
  await Promise.all([0, 1].map(async () => {
    for (let batch = next(); batch.length > 0; batch = next()) {
      appended += batch.length;
      await store.appendMany(batch.map((event) => ({ streamId: streamIdOf(event), event })));
      progress('loading the store', appended, total, started);
    }
  }));
  await pool.end();
  return unitCount;
}

async function main(): Promise<void> {
  const budget = arg('budget', RECOMPUTE_SUBJECT_BUDGET);
  if (process.argv.includes('--child')) return child(textArg('db') as string, budget);
  const sizes = (textArg('sizes') ?? '100000,300000,900000').split(',').map(Number);
  const withOld = arg('old', 0) === 1;
  console.log(machineLine());
  console.log(`scoring-memory: catch-up from zero at ${sizes.join(', ')} events (${EVENTS_PER_UNIT} events a unit over three months); subject budget ${budget}`);
  const lines: string[] = [];
  for (const size of sizes) {
    const db = await benchDatabase();
    try {
      const units = await load(db.url, size);
      const bounded = await runChild(db.url, budget);
      lines.push(`RESULT scoring-memory ${size} events, ${units} units: bounded ${describe(bounded)}`);
      console.log(lines[lines.length - 1]);
      if (withOld) {
        // The same catch-up again from zero with no budget: the scoring tables are emptied first.
        const pool = new Pool({ connectionString: db.url, max: 1 });
        await pool.query('TRUNCATE subject_facts, unit_period_scores, finished_scores, pending_recomputes, projection_checkpoints, failed_recomputes');
        await pool.end();
        const old = await runChild(db.url, Number.MAX_SAFE_INTEGER);
        lines.push(`RESULT scoring-memory ${size} events, ${units} units: one group (as before) ${describe(old)}; bounded/one group: peak RSS ${(bounded.peakRssMiB / old.peakRssMiB).toFixed(2)}, peak heap ${(bounded.heapPeakMiB / old.heapPeakMiB).toFixed(2)}`);
        console.log(lines[lines.length - 1]);
      }
    } finally {
      await db.stop();
    }
  }
  console.log(machineLine());
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
