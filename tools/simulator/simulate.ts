import { type DomainEvent, monthKeyOf, parsePeriod, referenceUnitEvents } from '@idx/domain';
import { demoUnitsAt } from './demo-units';
import { DossierGenerator, SIMULATOR_SOURCE_SYSTEM } from './dossier-generator';
import { catalogueEvents } from './procedures';
import { DAY, seededRandom, stableUuid } from './seeded';
import { demoWriterKeys } from './writer-keys';

/**
 * Streams realistic events for the reference units (Hưng Yên and Huế as they stand today) to the
 * ingest API: the units, their procedure catalogues, this month's dossiers and petitions so far
 * (so every criterion has data at once), then new dossiers every second whose processing, on time
 * or late, follows within minutes — scores move while you watch. The history is seeded: running
 * the simulator again re-sends the same events, which the store answers as duplicates.
 *   INGEST_URL (default http://localhost:3001), SIM_RATE dossiers/s (default 3), SIM_HISTORY dossiers per unit (default 120),
 *   QD766_API_KEY / QD766_REGISTRY_API_KEY (or --api-key= / --registry-key=; default: the keys npm start keeps in .data/)
 */
const ingestUrl = process.env['INGEST_URL'] ?? 'http://localhost:3001';
const rate = Number(process.env['SIM_RATE'] ?? 3);
const history = Number(process.env['SIM_HISTORY'] ?? 120);
const MINUTE = 60_000;
const SOURCE = SIMULATOR_SOURCE_SYSTEM;
const keys = demoWriterKeys();

async function post(events: readonly DomainEvent[], apiKey = keys.apiKey): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    const res = await fetch(`${ingestUrl}/api/v1/events`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${apiKey}` },
      body: events.slice(i, i + 2000).map((e) => JSON.stringify(e)).join('\n'),
    });
    if (res.status === 401) throw new Error(`ingest refused the API key: ${((await res.json()) as { reason: string }).reason}`);
    const answer = (await res.json()) as { accepted: number; rejected: number; results: { reason?: string }[] };
    if (answer.rejected > 0) console.warn(`simulator: ${answer.rejected} rejected, e.g. ${answer.results.find((r) => r.reason)?.reason}`);
  }
}

async function main(): Promise<void> {
  const now = Date.now();
  const month = monthKeyOf(now);
  const monthStart = parsePeriod(month).start;
  const units = demoUnitsAt(now);
  // The units come from the unit registry's credential; without one they must already be registered.
  if (keys.registryKey) await post(referenceUnitEvents(), keys.registryKey);
  console.log(`simulator: ${units.length} reference units (${units.filter((u) => u.level === 'province').map((u) => u.name).join(', ')} and their departments)`);

  const pending: DomainEvent[] = [];
  let dossiers = 0;
  for (const unit of units) {
    // The catalogue starts in the month's first minute (the same instants on every run: stable event
    // ids); its steps still ahead of the clock wait, like a dossier's, since ingest refuses future business time.
    const catalogue = catalogueEvents(unit, monthStart + MINUTE, SOURCE).map((e) => ({ ...e, eventId: stableUuid(`${month}/${e.eventId}`) }));
    const batch: DomainEvent[] = catalogue.filter((e) => Date.parse(e.occurredAt) <= now);
    pending.push(...catalogue.filter((e) => Date.parse(e.occurredAt) > now));
    const seeded = new DossierGenerator({ random: seededRandom(`${unit.code}/${month}`), idFor: (name) => stableUuid(`${month}/${name}`), sourceSystem: SOURCE });
    const r = seededRandom(`${unit.code}/${month}/times`);
    const span = Math.max(MINUTE, now - monthStart - 10 * MINUTE);
    for (let i = 0; i < history; i++) {
      const { due, later } = seeded.dossier(unit, monthStart + r() * span, (1 + r() * 6) * DAY, now, `${month}`);
      batch.push(...due);
      pending.push(...later);
    }
    for (let i = 0; i < Math.max(2, Math.round(history / 15)); i++) {
      const { due, later } = seeded.petition(unit, monthStart + r() * span, now, `${month}`);
      batch.push(...due);
      pending.push(...later);
    }
    await post(batch);
    dossiers += history;
  }
  console.log(`simulator: ${dossiers} dossiers of ${month} so far, with catalogues and petitions`);
  console.log(`simulator: live, ${rate} new dossiers/s to ${ingestUrl} (Ctrl-C to stop)`);

  const live = new DossierGenerator({ sourceSystem: SOURCE });
  for (;;) {
    const t = Date.now();
    const fresh: DomainEvent[] = [];
    for (let i = 0; i < rate; i++) {
      const unit = units[Math.floor(Math.random() * units.length)];
      const { due, later } = live.dossier(unit, t, (1 + Math.random() * 3) * MINUTE, t);
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
