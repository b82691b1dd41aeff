import type { DomainEvent } from '@idx/domain';
import { streamIdOf } from '@idx/domain';
import { PostgresEventStore } from '@idx/event-store';
import { migrateDatabase } from '@idx/read-models';
import { ProjectionRebuild } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, machineLine, progress, textArg } from './bench-support';
import { profilePhase } from './phase-profile';

/**
 * Full replay/rebuild of the scoring read models from the event store.
 *   npm run bench -- replay --events=1000000 [--cpu-prof=rebuild.cpuprofile]
 * Aim (DESIGN.md §7): ≥ 200,000 events/s (one province-month of ~1 M events in < 5 s).
 */
async function main(): Promise<void> {
  const total = arg('events', 300_000);
  console.log(machineLine());
  console.log(`replay: ${total} events of one month, ${DEMO_UNITS.length} units`);
  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  await migrateDatabase(pool);
  const store = new PostgresEventStore(pool);

  const gen = new DossierGenerator();
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  const end = Date.parse('2025-05-01T00:00:00+07:00');
  let appended = 0;
  const loadStarted = Date.now();
  while (appended < total) {
    const batch: DomainEvent[] = [];
    while (batch.length < 5000) {
      const unit = DEMO_UNITS[(appended + batch.length) % DEMO_UNITS.length];
      batch.push(...gen.dossier(unit, monthStart + Math.random() * 27 * 86_400_000, 3 * 86_400_000, end).due);
    }
    const slice = batch.slice(0, Math.min(batch.length, total - appended));
    await store.appendMany(slice.map((event) => ({ streamId: streamIdOf(event), event })));
    appended += slice.length;
    progress('loading the store', appended, total, loadStarted);
  }

  const memoryBefore = process.memoryUsage().rss;
  const started = Date.now();
  const report = await profilePhase(textArg('cpu-prof'), () => new ProjectionRebuild(pool, store).run((stage, done) => {
    if (stage === 'fold') progress('replay (fold)', done, total, started);
  }));
  const memoryAfter = process.memoryUsage().rss;
  await pool.end();
  await db.stop();
  console.log(`RESULT replay fold: ${report.events} events in ${report.seconds.fold.toFixed(2)} s = ${Math.round(report.events / report.seconds.fold)} events/s`);
  console.log(`RESULT rebuild total (fold + write ${report.subjects} subjects, ${report.unitPeriods} unit-periods + switch): ${report.seconds.total.toFixed(2)} s = ${Math.round(report.events / report.seconds.total)} events/s (aim ≥ 200000)`);
  console.log(`RESULT rebuild memory: rss ${(memoryBefore / 2 ** 20).toFixed(0)} → ${(memoryAfter / 2 ** 20).toFixed(0)} MiB (${report.subjects} subjects held)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
