import type { DomainEvent } from '@idx/domain';
import type { DemoUnit } from './demo-units';
import { DossierGenerator } from './dossier-generator';
import { dossiersOf, historyMonths, historyOf, petitionsOf } from './history';
import { IngestSender } from './ingest-sender';
import type { SimulationRates } from './rates';
import { type UnitSample, simulatedUnits } from './simulated-units';

export interface SimulationOptions {
  readonly ingestUrl: string;
  /** Writes dossiers, procedures and petitions of every simulated unit. */
  readonly apiKey: string;
  /** The unit registry's key: registers the simulated units first (duplicates where npm start seeded them). */
  readonly registryKey?: string;
  readonly sample: UnitSample;
  readonly months: number;
  readonly dossiersPerUnitMonth: number;
  readonly rates: SimulationRates;
  readonly sourceSystem: string;
  /** Live dossiers a second once the history is sent; 0 stops after the history. */
  readonly liveRate: number;
  readonly batchSize?: number;
  readonly now?: number;
  readonly log?: (line: string) => void;
}

/** Events per dossier and petition, on average, for the estimate printed before sending (counted from the generator's shares). */
const EVENTS_PER_DOSSIER = 11;
const EVENTS_PER_PETITION = 3;

export interface SimulationEstimate {
  readonly provinces: number;
  readonly departments: number;
  readonly communes: number;
  readonly months: readonly string[];
  readonly dossiers: number;
  readonly events: number;
}

/** What a plan will send, before it sends anything (counted over whole months, so an upper bound for the current one). */
export function estimateOf(units: { provinces: readonly DemoUnit[]; departments: readonly DemoUnit[]; communes: readonly DemoUnit[]; all: readonly DemoUnit[] }, months: readonly string[], perUnitMonth: number): SimulationEstimate {
  const perMonth = units.all.reduce((n, u) => n + dossiersOf(u, perUnitMonth), 0);
  const petitions = units.all.reduce((n, u) => n + petitionsOf(dossiersOf(u, perUnitMonth)), 0);
  return {
    provinces: units.provinces.length, departments: units.departments.length, communes: units.communes.length, months,
    dossiers: perMonth * months.length,
    events: (perMonth * EVENTS_PER_DOSSIER + petitions * EVENTS_PER_PETITION + units.all.length * 2) * months.length + units.all.length * 40,
  };
}

const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;
const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

export interface HistoryReport {
  readonly events: number;
  readonly rejected: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
  readonly peakRssBytes: number;
  readonly later: DomainEvent[];
  readonly units: readonly DemoUnit[];
}

/**
 * Sends the simulated country's history month by month (units, catalogues, then every unit-month's
 * events as they are generated, in batches), printing progress: the current month first, then — with
 * live dossiers already streaming if `liveRate` > 0 — the older months, oldest first. With
 * `liveRate` 0 it returns once the history is sent; otherwise it streams until the process stops.
 */
export async function simulate(options: SimulationOptions): Promise<HistoryReport> {
  const log = options.log ?? ((line: string) => console.log(`simulator: ${line}`));
  const now = options.now ?? Date.now();
  const units = simulatedUnits(now, options.sample, options.rates);
  const months = historyMonths(now, options.months);
  const estimate = estimateOf(units, months, options.dossiersPerUnitMonth);
  log(`will send ${units.provinces.length} provinces, ${units.departments.length} departments, ${units.communes.length} communes × ${months.length} months (${months[0]} … ${months.at(-1)}), `
    + `~${options.dossiersPerUnitMonth} dossiers per unit-month: ≤ ${estimate.dossiers.toLocaleString('en')} dossiers, ≈ ${estimate.events.toLocaleString('en')} events, to ${options.ingestUrl}`);

  if (options.registryKey) {
    const registry = new IngestSender(options.ingestUrl, options.registryKey, options.batchSize);
    await registry.add(units.registry);
    await registry.flush();
    // "rejected" is printed only when something was (the sender warns with the first reason).
    const refused = registry.sent.rejected > 0 ? `, ${registry.sent.rejected} rejected` : '';
    log(`units: ${registry.sent.sent} registry events (${registry.sent.accepted} new, ${registry.sent.duplicate} already there${refused})`);
  }

  const sender = new IngestSender(options.ingestUrl, options.apiKey, options.batchSize);
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  let lastPrint = started;
  let monthsDone = 0;
  let current: string;
  const later: DomainEvent[] = [];
  const progress = (final = false) => {
    const elapsed = Date.now() - started;
    const { sent } = sender.sent;
    const rate = sent / Math.max(0.001, elapsed / 1000);
    const fraction = sent / Math.max(1, estimate.events);
    const eta = !final && fraction > 0 && fraction < 1 ? `, ETA ${duration(elapsed / fraction - elapsed)}` : '';
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    log(`${monthsDone}/${months.length} months done${final ? '' : ` (sending ${current})`}, ${sent.toLocaleString('en')} events, ${Math.round(rate).toLocaleString('en')} events/s${eta}, RSS ${mib(process.memoryUsage().rss)}`);
  };
  let living: Promise<never> | undefined;
  const goLive = async () => {
    await sender.flush();
    if (options.liveRate > 0 && !living) living = live(options, units.all, later, log);
  };
  // The current month first: its scores show at once and live dossiers move them while the older months fill in.
  const current0 = months[months.length - 1];
  current = current0;
  for (const unitMonth of historyOf({ units: units.all, months: options.months, dossiersPerUnitMonth: options.dossiersPerUnitMonth, rates: options.rates, sourceSystem: options.sourceSystem, now, currentMonthFirst: true })) {
    if (unitMonth.month !== current) {
      if (current === current0) await goLive();
      monthsDone++;
      current = unitMonth.month;
      progress();
      lastPrint = Date.now();
    }
    await sender.add(unitMonth.due);
    later.push(...unitMonth.later);
    if (Date.now() - lastPrint > 5000) {
      progress();
      lastPrint = Date.now();
    }
  }
  await sender.flush();
  monthsDone = months.length;
  progress(true);
  const ms = Date.now() - started;
  const { sent, rejected } = sender.sent;
  const report = { events: sent, rejected, ms, eventsPerSecond: Math.round(sent / Math.max(0.001, ms / 1000)), peakRssBytes: peakRss, later, units: units.all };
  log(`history sent: ${sent.toLocaleString('en')} events in ${duration(ms)} (${report.eventsPerSecond.toLocaleString('en')} events/s${rejected > 0 ? `, ${rejected} rejected` : ', none refused'}, peak RSS ${mib(peakRss)}); ${later.length} steps wait for their time`);
  await goLive();
  if (living) await living;
  return report;
}

/** New dossiers every second at random units, and every pending step once its time has come. Never returns. */
async function live(options: SimulationOptions, units: readonly DemoUnit[], pending: DomainEvent[], log: (line: string) => void): Promise<never> {
  log(`live, ${options.liveRate} new dossiers/s to ${options.ingestUrl} (Ctrl-C to stop)`);
  const generator = new DossierGenerator({ sourceSystem: options.sourceSystem });
  const byTime = (a: DomainEvent, b: DomainEvent) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  for (;;) {
    const t = Date.now();
    const fresh: DomainEvent[] = [];
    const added: DomainEvent[] = [];
    for (let i = 0; i < options.liveRate; i++) {
      const unit = units[Math.floor(Math.random() * units.length)];
      const { due, later } = generator.dossier(unit, t, (1 + Math.random() * 3) * 60_000, t);
      fresh.push(...due);
      added.push(...later);
    }
    // The history may still add steps behind it: order everything waiting each tick.
    pending.push(...added);
    pending.sort(byTime);
    let ready = 0;
    while (ready < pending.length && Date.parse(pending[ready].occurredAt) <= t) ready++;
    fresh.push(...pending.splice(0, ready));
    const sender = new IngestSender(options.ingestUrl, options.apiKey, options.batchSize);
    try {
      await sender.add(fresh);
      await sender.flush();
    } catch (error) {
      log(`ingest not reachable (${(error as Error).message}); retrying`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
