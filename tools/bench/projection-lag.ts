import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, watchPool } from '@idx/event-store';
import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, benchWriter, machineLine, textArg } from './bench-support';
import { profilePhase } from './phase-profile';

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Append → score visible, at a sustained rate: posts batches over HTTP every tick and times each
 * from its acceptance until the scoring projection's checkpoint covers its last event.
 *   npm run bench -- projection-lag --rate=2000 --seconds=30 [--preload=200000] [--cpu-prof=lag.cpuprofile]
 * (the profile covers the sending phase: ingest, scoring and the sender all run in this process)
 * --preload=N appends about N events of the same units and month straight to the store first and
 * waits for scoring to catch up: the units are then large, as a real province's are, and a batch's
 * cost shows whether it grows with the unit's size (docs/projection-tallies.md).
 * Aim (DESIGN.md §7): p99 < 500 ms at 2,000 events/s.
 */
async function main(): Promise<void> {
  const rate = arg('rate', 2000);
  const seconds = arg('seconds', 30);
  const tickMs = 100;
  const perTick = Math.round((rate * tickMs) / 1000);
  console.log(machineLine());
  console.log(`projection-lag: ${rate} events/s for ${seconds} s (${perTick} events every ${tickMs} ms)`);
  const db = await benchDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, INGEST_PORT: '0', SCORING_PORT: '0', LOG_LEVELS: 'error,warn', SCORING_REFRESH_MS: '3600000' });
  const ingest = await startIngest();
  // Watched: the embedded server stops at the end, and an idle connection it drops must not crash the report.
  const pool = watchPool(new Pool({ connectionString: db.url, max: 2 }));
  const gen = new DossierGenerator();
  const now = Date.now();
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
  const scoring = await startScoring();
  if (preload > 0) {
    // Caught up: the checkpoint at the log's head and nothing owed.
    for (;;) {
      const r = await pool.query<{ behind: boolean }>(
        `SELECT (SELECT coalesce(max(global_position), 0) FROM events) > (SELECT coalesce(max(position), 0) FROM projection_checkpoints WHERE name LIKE 'scoring%')
            OR EXISTS (SELECT 1 FROM pending_recomputes) AS behind`,
      );
      if (!r.rows[0].behind) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const subjects = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM subject_facts');
    console.log(`preloaded ${preload} events (${subjects.rows[0].n} subjects over ${DEMO_UNITS.length} units), scored in ${((Date.now() - preloadStarted) / 1000).toFixed(1)} s`);
  }
  const { port } = ingest.getHttpServer().address() as { port: number };
  const auth = await benchWriter(db.url, `http://127.0.0.1:${port}`);

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
  await profilePhase(textArg('cpu-prof'), async () => {
    for (let tick = 0; tick < (seconds * 1000) / tickMs; tick++) {
      while (queue.length < perTick) queue.push(...gen.dossier(DEMO_UNITS[Math.floor(Math.random() * DEMO_UNITS.length)], now - 3_600_000, 86_400_000, now).due);
      const batch = queue.splice(0, perTick);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...auth }, body: batch.map((e) => JSON.stringify(e)).join('\n') });
      const answer = (await res.json()) as { results: { globalPosition?: string }[] };
      const positions = answer.results.map((r) => BigInt(r.globalPosition ?? '0'));
      pending.push({ position: positions.reduce((a, b) => (b > a ? b : a), 0n), acceptedAt: Date.now() });
      sent += batch.length;
      const wait = started + (tick + 1) * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (tick % 10 === 9) process.stdout.write(`\r  ${sent} events sent, ${lags.length} batches projected   `);
    }
  });
  watching = false;
  await watcher;
  process.stdout.write('\n');
  const achieved = sent / ((Date.now() - started) / 1000);
  await scoring.close();
  await ingest.close();
  await pool.end();
  await db.stop();
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(`RESULT projection lag at ${Math.round(achieved)} events/s over ${seconds} s: p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms (${sorted.length} batches; aim p99 < 500 ms at 2000 events/s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
