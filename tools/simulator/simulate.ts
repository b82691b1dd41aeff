import type { DomainEvent } from '@idx/domain';
import { DEMO_UNITS } from './demo-units';
import { DossierGenerator } from './dossier-generator';

/**
 * Streams realistic dossier events for a handful of Hưng Yên units to the ingest API: the month so
 * far first (so scores show at once), then new dossiers every second whose processing, on time or
 * late, follows minutes later — scores move while you watch.
 *   INGEST_URL (default http://localhost:3001), SIM_RATE dossiers/s (default 3), SIM_HISTORY per unit (default 120)
 */
const ingestUrl = process.env['INGEST_URL'] ?? 'http://localhost:3001';
const rate = Number(process.env['SIM_RATE'] ?? 3);
const history = Number(process.env['SIM_HISTORY'] ?? 120);
const MINUTE = 60_000;

async function post(events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const res = await fetch(`${ingestUrl}/api/v1/events`, {
    method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'x-source-system': 'simulator' },
    body: events.map((e) => JSON.stringify(e)).join('\n'),
  });
  const answer = (await res.json()) as { accepted: number; rejected: number; results: { reason?: string }[] };
  if (answer.rejected > 0) console.warn(`simulator: ${answer.rejected} rejected: ${answer.results.find((r) => r.reason)?.reason}`);
}

async function main(): Promise<void> {
  const gen = new DossierGenerator();
  const now = Date.now();
  const monthStart = Date.parse(`${new Date(now + 7 * 3_600_000).toISOString().slice(0, 7)}-01T00:00:00+07:00`);
  const pending: DomainEvent[] = [];
  await post(DEMO_UNITS.map((u) => gen.unitRegistered(u, monthStart)));
  for (const unit of DEMO_UNITS) {
    const batch: DomainEvent[] = [];
    for (let i = 0; i < history; i++) {
      const receivedAt = monthStart + Math.random() * Math.max(1, now - monthStart - 10 * MINUTE);
      const { due, later } = gen.dossier(unit, receivedAt, (1 + Math.random() * 4) * 24 * 60 * MINUTE, now);
      batch.push(...due);
      pending.push(...later);
    }
    await post(batch);
    console.log(`simulator: ${unit.name}: ${history} dossiers of this month so far`);
  }
  console.log(`simulator: live, ${rate} new dossiers/s to ${ingestUrl} (Ctrl-C to stop)`);
  for (;;) {
    const t = Date.now();
    const fresh: DomainEvent[] = [];
    for (let i = 0; i < rate; i++) {
      const unit = DEMO_UNITS[Math.floor(Math.random() * DEMO_UNITS.length)];
      const { due, later } = gen.dossier(unit, t, (1 + Math.random() * 3) * MINUTE, t);
      fresh.push(...due);
      pending.push(...later);
    }
    pending.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    while (pending.length > 0 && Date.parse(pending[0].occurredAt) <= t) fresh.push(pending.shift() as DomainEvent);
    await post(fresh).catch((e) => console.warn(`simulator: ingest not reachable (${(e as Error).message}); retrying`));
    await new Promise((r) => setTimeout(r, 1000));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
