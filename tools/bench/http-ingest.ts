import { DossierGenerator } from '../simulator/dossier-generator';
import { DEMO_UNITS } from '../simulator/demo-units';
import type { DomainEvent } from '@idx/domain';
import { PostgresEventStore, PostgresEventSubscription, START } from '@idx/event-store';
import { createReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { arg, benchDatabase, benchWriter, machineLine, progress, textArg } from './bench-support';
import { cpuMeter } from './cpu-meter';
import { profilePhase } from './phase-profile';

/**
 * HTTP ingest into the PostgreSQL store, then projection catch-up, on a fresh embedded PostgreSQL.
 *   npm run bench -- http-ingest --events=200000 --batch=1000 --concurrency=4 [--cpu-prof=ingest.cpuprofile] [--ingest-only]
 * Aims (DESIGN.md §7): ingest ≥ 30,000 events/s; replay ≥ 200,000 events/s.
 */
async function main(): Promise<void> {
  const total = arg('events', 100_000);
  const batchSize = arg('batch', 1000);
  const concurrency = arg('concurrency', 4);
  console.log(machineLine());
  console.log(`http-ingest: ${total} events, batches of ${batchSize}, ${concurrency} concurrent requests`);

  const db = await benchDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, INGEST_PORT: '0' });
  const app = await startIngest();
  const { port } = app.getHttpServer().address() as { port: number };
  const auth = await benchWriter(db.url, `http://127.0.0.1:${port}`);

  const gen = new DossierGenerator();
  const events: DomainEvent[] = [];
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  while (events.length < total) {
    const unit = DEMO_UNITS[events.length % DEMO_UNITS.length];
    const { due } = gen.dossier(unit, monthStart + Math.random() * 27 * 86_400_000, 3 * 86_400_000, Date.parse('2025-05-01T00:00:00+07:00'));
    events.push(...due);
  }
  events.length = total;
  const bodies: string[] = [];
  for (let i = 0; i < total; i += batchSize) bodies.push(events.slice(i, i + batchSize).map((e) => JSON.stringify(e)).join('\n'));

  // CPU per event split between this process (client and ingest service) and PostgreSQL: steadier
  // than the rate on a shared machine.
  const meterPool = new Pool({ connectionString: db.url, max: 1 });
  const meter = cpuMeter(meterPool);
  const mark = await meter.start();
  let sent = 0;
  let next = 0;
  const started = Date.now();
  await profilePhase(textArg('cpu-prof'), () => Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...auth }, body });
      const answer = (await res.json()) as { accepted: number };
      sent += answer.accepted;
      progress('ingest', sent, total, started);
    }
  })));
  const ingestSeconds = (Date.now() - started) / 1000;
  const cpu = await meter.stop(mark);
  await meterPool.end();
  const perEvent = (seconds: number) => `${((1e6 * seconds) / total).toFixed(1)} µs/event`;
  const cpuLine = `RESULT http-ingest cpu: node ${perEvent(cpu.nodeSeconds)}, postgres ${perEvent(cpu.postgresSeconds)}, other load ${(cpu.otherSeconds / ingestSeconds).toFixed(2)} cores`;
  await app.close();
  if (process.argv.includes('--ingest-only')) {
    await db.stop();
    console.log(cpuLine);
    console.log(`RESULT http-ingest: ${total} events in ${ingestSeconds.toFixed(2)} s = ${Math.round(total / ingestSeconds)} events/s (batch ${batchSize}, concurrency ${concurrency}; aim ≥ 30000)`);
    return;
  }

  const pool = new Pool({ connectionString: db.url, max: 4 });
  const prisma = createReadModelClient(db.url, 4);
  const projector = new ScoringProjector(prisma, { name: 'bench' });
  const store = new PostgresEventStore(pool);
  const projectBatch = arg('projectBatch', 10_000);
  const subscription = new PostgresEventSubscription(pool, store, { batchSize: projectBatch, idleWaitMs: 100 });
  let projected = 0;
  const projectStarted = Date.now();
  await subscription.run(START, async (batch) => {
    projected += batch.events.length;
    await projector.handle(batch, { deferRecompute: batch.events.length >= projectBatch });
    progress('projection catch-up', projected, total, projectStarted);
  }, async () => {
    await projector.flushPending();
    if (projected >= total) subscription.stop();
  });
  const projectSeconds = (Date.now() - projectStarted) / 1000;
  await prisma.$disconnect();
  await pool.end();
  await db.stop();

  console.log(cpuLine);
  console.log(`RESULT http-ingest: ${total} events in ${ingestSeconds.toFixed(2)} s = ${Math.round(total / ingestSeconds)} events/s (batch ${batchSize}, concurrency ${concurrency}; aim ≥ 30000)`);
  console.log(`RESULT projection catch-up: ${total} events in ${projectSeconds.toFixed(2)} s = ${Math.round(total / projectSeconds)} events/s (aim ≥ 200000)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
