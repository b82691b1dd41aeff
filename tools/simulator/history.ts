import { type DomainEvent, monthKeyOf, parsePeriod } from '@idx/domain';
import type { DemoUnit } from './demo-units';
import { DossierGenerator } from './dossier-generator';
import { amendmentEvents, catalogueEvents } from './procedures';
import { type SimulationRates, sharesInMonth } from './rates';
import { DAY, seededRandom, stableUuid } from './seeded';

export interface HistoryPlan {
  readonly units: readonly DemoUnit[];
  /** Months of history ending with the current one (13: a year back and this month so far). */
  readonly months: number;
  /** Dossiers a unit receives in a month, on average (each unit varies ±50 %, seeded). */
  readonly dossiersPerUnitMonth: number;
  readonly rates: SimulationRates;
  readonly sourceSystem: string;
  readonly now: number;
  /**
   * Send the current month before the older ones (then those oldest first): the console shows this
   * month's scores within seconds, and live dossiers can move them while the year fills in behind.
   */
  readonly currentMonthFirst?: boolean;
}

/** One unit-month of events: those already past, and those whose time comes later (sent live). */
export interface UnitMonth {
  readonly month: string;
  readonly unit: DemoUnit;
  readonly due: readonly DomainEvent[];
  readonly later: readonly DomainEvent[];
}

const MINUTE = 60_000;

/** The months of the plan, oldest first: `YYYY-MM` keys ending with the current one. */
export function historyMonths(now: number, months: number): string[] {
  const keys: string[] = [];
  let at = parsePeriod(monthKeyOf(now)).start;
  for (let i = 0; i < months; i++) {
    keys.unshift(monthKeyOf(at));
    at = parsePeriod(monthKeyOf(at - DAY)).start;
  }
  return keys;
}

/** A unit's dossiers in a month: the plan's average scaled by a stable per-unit size (0.5–1.5×), at least one. */
export function dossiersOf(unit: DemoUnit, perUnitMonth: number): number {
  return Math.max(1, Math.round(perUnitMonth * (0.5 + seededRandom(`size:${unit.code}`)())));
}

/** Petitions are rarer than dossiers: about one for every 15, at least one a month so criteria 19–20 have data. */
export function petitionsOf(dossiers: number): number {
  return Math.max(1, Math.round(dossiers / 15));
}

/**
 * The history, one unit-month at a time, oldest month first (or the current one first, then the
 * oldest: `currentMonthFirst`): memory holds one unit-month, whatever
 * the plan's size. Each unit's catalogue comes first, dated before the history starts (so no
 * procedure criterion waits for a catalogue in the future); every month then brings an amended
 * procedure, dossiers and petitions drawn from the unit's shares in that month. Seeded: the same
 * plan yields the same events with the same ids, so a re-run is answered as duplicates.
 */
export function* historyOf(plan: HistoryPlan): Generator<UnitMonth> {
  const months = historyMonths(plan.now, plan.months);
  const historyStart = parsePeriod(months[0]).start;
  // The catalogue's decisions and publications (a few days each, one procedure a day) all before the first month.
  const catalogueAt = historyStart - 30 * DAY;
  const order = plan.currentMonthFirst ? [months[months.length - 1], ...months.slice(0, -1)] : months;
  for (const [m, month] of order.entries()) {
    const { start, end } = parsePeriod(month);
    // Reception times over the whole month, in order, taken up to now: a later run in the same month
    // re-derives the same dossiers (same ids, same content) and adds the ones received since.
    const receivedUntil = plan.now - 10 * MINUTE;
    const timesIn = (seed: string, n: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: n }, () => start + r() * (end - start)).sort((a, b) => a - b).filter((t) => t <= receivedUntil);
    };
    for (const profile of plan.units) {
      const unit: DemoUnit = { ...profile, ...sharesInMonth(profile.code, month, plan.rates) };
      // The catalogue goes with the first month sent; its ids name the history's first month whatever the order.
      const due: DomainEvent[] = m === 0 ? catalogueEvents(profile, catalogueAt, plan.sourceSystem).map((e) => ({ ...e, eventId: stableUuid(`${months[0]}/${e.eventId}`) })) : [];
      const later: DomainEvent[] = [];
      const take = (x: { due: readonly DomainEvent[]; later: readonly DomainEvent[] }) => {
        due.push(...x.due);
        later.push(...x.later);
      };
      take(amendmentEvents(unit, month, start, plan.now, plan.sourceSystem));
      const idFor = (name: string) => stableUuid(`${month}/${name}`);
      const dossiers = dossiersOf(profile, plan.dossiersPerUnitMonth);
      const gen = new DossierGenerator({ random: seededRandom(`${unit.code}/${month}`), idFor, sourceSystem: plan.sourceSystem });
      const due2 = seededRandom(`${unit.code}/${month}/due`);
      for (const t of timesIn(`${unit.code}/${month}/times`, dossiers)) take(gen.dossier(unit, t, (1 + due2() * 14) * DAY, plan.now, month));
      const petitions = new DossierGenerator({ random: seededRandom(`${unit.code}/${month}/petitions`), idFor, sourceSystem: plan.sourceSystem });
      for (const t of timesIn(`${unit.code}/${month}/petition-times`, petitionsOf(dossiers))) take(petitions.petition(unit, t, plan.now, month));
      yield { month, unit, due, later };
    }
  }
}
