import type { DomainEvent } from '@idx/domain';
import { streamIdOf } from '@idx/domain';
import { PostgresEventStore } from '@idx/event-store';
import { migrateDatabase } from '@idx/read-models';
import { DEFAULT_RESIDENT_SUBJECTS, ProjectionRebuild } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, machineLine, progress, textArg } from './bench-support';
import { cpuMeter } from './cpu-meter';
import { profilePhase } from './phase-profile';

/**
 * Full replay/rebuild of the scoring read models from the event store.
 *   npm run bench -- replay --events=1000000 [--order=stream,log] [--ahead=2,3 --rounds=2] [--resident=5000|all|all,20000] [--spread=30000] [--cpu-prof=rebuild.cpuprofile]
 * Aim (DESIGN.md §7): ≥ 200,000 events/s (one province-month of ~1 M events in < 5 s); memory flat in
 * the number of events (`--resident`: dossiers and petitions held in memory, the rest spilled; `all`
 * holds every one, the build before spilling; a list rebuilds once per bound, in turn). Peak RSS is sampled every 20 ms during each rebuild;
 * compare bounds in separate runs (V8 keeps the heap a previous round grew).
 */
async function main(): Promise<void> {
  const total = arg('events', 300_000);
  console.log(machineLine());
  console.log(`replay: ${total} events of one month, ${DEMO_UNITS.length} units`);
  const db = await benchDatabase();
  // Connections kept open (no idle timeout): the CPU meter reads each server process's time at the end.
  const pool = new Pool({ connectionString: db.url, max: 6, idleTimeoutMillis: 0 });
  pool.on('error', () => undefined); // the embedded server stopping can end an idle client before pool.end() has
  await migrateDatabase(pool);
  const store = new PostgresEventStore(pool);

  const gen = new DossierGenerator();
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  const end = Date.parse('2025-05-01T00:00:00+07:00');
  // --spread=N: each dossier's events after the first come after those of the next N dossiers (as in
  // a real month, where a dossier is processed days after it is received); 0 keeps them together.
  const spread = arg('spread', 0);
  const held: DomainEvent[][] = [];
  let appended = 0;
  const loadStarted = Date.now();
  while (appended < total) {
    const batch: DomainEvent[] = [];
    while (batch.length < 5000) {
      const unit = DEMO_UNITS[(appended + batch.length) % DEMO_UNITS.length];
      const [first, ...rest] = gen.dossier(unit, monthStart + Math.random() * 27 * 86_400_000, 3 * 86_400_000, end).due;
      batch.push(first);
      held.push(rest);
      while (held.length > spread) batch.push(...(held.shift() ?? []));
    }
    const slice = batch.slice(0, Math.min(batch.length, total - appended));
    await store.appendMany(slice.map((event) => ({ streamId: streamIdOf(event), event })));
    appended += slice.length;
    progress('loading the store', appended, total, loadStarted);
  }
  // The held dossiers' later events close the log (a dossier left open would stay open to today).
  const tails = held.flat();
  for (let i = 0; i < tails.length; i += 5000) await store.appendMany(tails.slice(i, i + 5000).map((event) => ({ streamId: streamIdOf(event), event })));
  if (tails.length > 0) console.log(`  + ${tails.length} later events of the last ${held.length} dossiers`);

  // --ahead=2,3: rebuild once per value, in turn (2 is the former shape: one page read while one is
  // folded); each rebuild replaces the tables of the one before, so the rounds are alike.
  const aheads = (textArg('ahead') ?? '3').split(',').map(Number);
  const rounds = arg('rounds', 1);
  // --resident=all,20000: rebuild once per bound, in turn (alike rounds for throughput; for memory
  // run one bound per process).
  const residents = (textArg('resident') ?? String(DEFAULT_RESIDENT_SUBJECTS)).split(',').map((r) => (r === 'all' ? Number.MAX_SAFE_INTEGER : Number(r)));
  // --order=stream,log: the first pass stream by stream (the default) or in the log's order (the
  // build before it), in turn: a ratio measured in one run.
  const orders = (textArg('order') ?? 'stream').split(',') as ('stream' | 'log')[];
  const results: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const ahead of aheads) for (const resident of residents) for (const order of orders) {
      const memoryBefore = process.memoryUsage().rss;
      // RSS keeps what the heap has freed (V8 gives it back late); the heap in use, sampled, says
      // more nearly what was held at once.
      let peak = memoryBefore;
      let heapPeak = 0;
      const sample = () => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        heapPeak = Math.max(heapPeak, m.heapUsed);
      };
      const sampler = setInterval(sample, 20);
      // With NODE_OPTIONS=--expose-gc: the heap still in use after a full collection at the end of
      // every folded page (what the rebuild holds, without the garbage V8 has not collected yet).
      const collect = (globalThis as { gc?: () => void }).gc;
      let livePeak = 0;
      // CPU seconds (this process, the PostgreSQL server, the rest of the machine): what the rebuild
      // costs whatever else the machine runs; this process's share of the fold is taken at the
      // first progress report after it.
      const meter = cpuMeter(pool);
      const mark = await meter.start();
      let foldCpu: NodeJS.CpuUsage | undefined;
      const started = Date.now();
      const report = await profilePhase(textArg('cpu-prof'), () => new ProjectionRebuild(pool, store, { readAhead: ahead, resident, order }).run((stage, done) => {
        sample();
        if (collect && stage === 'fold') {
          collect();
          livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
        }
        if (stage === 'fold') progress(`replay (fold, ${order} order)`, done, total, started);
        else foldCpu ??= process.cpuUsage(mark.node);
      })).finally(() => clearInterval(sampler));
      const cpu = await meter.stop(mark);
      const memoryAfter = process.memoryUsage().rss;
      const nodeFold = foldCpu ? (foldCpu.user + foldCpu.system) / 1e6 : Number.NaN;
      results.push(
        `RESULT replay fold (${order} order, ${ahead} in flight, at most ${resident === Number.MAX_SAFE_INTEGER ? 'all' : resident} resident, round ${round + 1}): ${report.events} events in ${report.seconds.fold.toFixed(2)} s = ${Math.round(report.events / report.seconds.fold)} events/s`,
        `RESULT rebuild total (${order} order, ${ahead} in flight, round ${round + 1}; fold + write ${report.subjects} subjects, ${report.unitPeriods} unit-periods + switch): ${report.seconds.total.toFixed(2)} s = ${Math.round(report.events / report.seconds.total)} events/s (aim ≥ 200000)`,
        // `phases` is absent from a build before it was reported (the bench also runs against one).
        `RESULT rebuild phases (s): fold ${report.seconds.fold.toFixed(2)}, ${Object.entries((report as { phases?: Record<string, number> }).phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`,
        `RESULT rebuild cpu (s): node ${cpu.nodeSeconds.toFixed(2)} (fold ${nodeFold.toFixed(2)}, write and switch ${(cpu.nodeSeconds - nodeFold).toFixed(2)}), postgres ${cpu.postgresSeconds.toFixed(2)}, ` +
          `other work on the machine ${cpu.otherSeconds.toFixed(2)}; node + postgres ${(((cpu.nodeSeconds + cpu.postgresSeconds) * 1e6) / report.events).toFixed(1)} µs/event`,
        `RESULT rebuild memory: rss ${(memoryBefore / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} → ${(memoryAfter / 2 ** 20).toFixed(0)} MiB, peak heap in use ${(heapPeak / 2 ** 20).toFixed(0)} MiB` +
          `${collect ? `, live heap after each page ≤ ${(livePeak / 2 ** 20).toFixed(0)} MiB` : ''}; ` +
          `${report.subjects} subjects, at most ${resident === Number.MAX_SAFE_INTEGER ? 'all' : resident} in memory (${report.spill.spilled} spilled, ${report.spill.reloaded} read back)`,
      );
    }
  }
  await pool.end();
  await db.stop();
  console.log(machineLine());
  results.push(`RESULT process max rss (whole run, loading included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  for (const line of results) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
