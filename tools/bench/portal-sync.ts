import { Pool } from 'pg';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { nativeHistory, PORTAL_PROCEDURE, portalCalls } from '../e2e/portal-sync-history';
import { createWriterKey } from '../testing/writer-key';
import { arg, benchDatabase, machineLine } from './bench-support';

/**
 * The national portal's sync format next to native events, on the same history (the month of
 * tools/e2e/portal-sync-history.ts, copied `--copies` times with distinct dossier codes):
 *   npm run bench -- portal-sync --copies=500 --batch=500 --concurrency=4
 * Prints dossier snapshots/s (and the events they derive/s) and native events/s into the store.
 */
async function main(): Promise<void> {
  const copies = arg('copies', 300);
  const batch = arg('batch', 500);
  const concurrency = arg('concurrency', 4);
  console.log(machineLine());
  const db = await benchDatabase();
  Object.assign(process.env, { DATABASE_URL: db.url, INGEST_PORT: '0', LOG_LEVELS: 'error,warn' });
  const app = await startIngest();
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const pool = new Pool({ connectionString: db.url, max: 1 });
  const apiKey = await createWriterKey(pool);
  await pool.end();
  const auth = { authorization: `Bearer ${apiKey}` };
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);

  const now = '2025-01-01T00:00:00+07:00';
  const setup = await post('/api/v1/events', ['HY-NAT', 'H31.39'].flatMap((unitCode) => [
    { eventId: crypto.randomUUID(), type: 'unit.registered', schemaVersion: 1, occurredAt: now, sourceSystem: 'test-one-stop', unitCode, data: { name: unitCode, level: 'commune', parentCode: 'HY' } },
    { eventId: crypto.randomUUID(), type: 'procedure.fee-configured', schemaVersion: 1, occurredAt: now, sourceSystem: 'test-one-stop', unitCode, procedureCode: PORTAL_PROCEDURE, data: { feeBearing: true } },
  ]));
  if (setup['rejected'] !== 0) throw new Error(`set-up refused: ${JSON.stringify(setup).slice(0, 400)}`);

  // Native: every copy's events, in batches.
  const events = Array.from({ length: copies }, (_, i) => nativeHistory('HY-NAT', 'test-one-stop', 'H31.39', `-${i}`)).flat();
  const nativeBodies: unknown[][] = [];
  for (let i = 0; i < events.length; i += batch) nativeBodies.push(events.slice(i, i + batch));
  const nativeSeconds = await run(nativeBodies, concurrency, async (b) => {
    const a = await post('/api/v1/events', b);
    if (a['rejected'] !== 0) throw new Error(`native batch refused: ${JSON.stringify(a).slice(0, 400)}`);
  });

  // Portal: each phase of the history for every copy, merged into calls of `batch` snapshots; the
  // phases in order (a phase's snapshots are newer than the previous phase's), calls of a phase in parallel.
  const perCopy = Array.from({ length: copies }, (_, i) => portalCalls('H31.39', `-${i}`));
  let snapshots = 0;
  let derived = 0;
  let portalSeconds = 0;
  for (let phase = 0; phase < perCopy[0].length; phase++) {
    const service = perCopy[0][phase].service;
    const items = perCopy.flatMap((calls) => calls[phase].data);
    snapshots += items.length;
    const bodies: unknown[][] = [];
    for (let i = 0; i < items.length; i += batch) bodies.push(items.slice(i, i + batch));
    portalSeconds += await run(bodies, concurrency, async (data) => {
      const a = await post('/api/v1/portal/sync', { service, data });
      if (a['error_code'] !== '00') throw new Error(`portal call refused: ${JSON.stringify(a).slice(0, 400)}`);
      for (const r of a['results'] as { events?: { status: string }[] }[]) derived += (r.events ?? []).filter((e) => e.status === 'accepted').length;
    });
  }
  await app.close();
  await db.stop();
  console.log(`RESULT native events: ${events.length} events in ${nativeSeconds.toFixed(2)} s = ${Math.round(events.length / nativeSeconds)} events/s (batch ${batch}, concurrency ${concurrency})`);
  console.log(`RESULT portal sync: ${snapshots} snapshots/steps in ${portalSeconds.toFixed(2)} s = ${Math.round(snapshots / portalSeconds)} snapshots/s, deriving ${derived} events = ${Math.round(derived / portalSeconds)} events/s (same history; resends included)`);
}

async function run<T>(bodies: readonly T[], concurrency: number, send: (b: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) await send(bodies[next++]);
  }));
  return (Date.now() - started) / 1000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
