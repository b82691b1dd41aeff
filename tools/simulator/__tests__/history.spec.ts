import type { DomainEvent } from '@idx/domain';
import { profileOf } from '../demo-units';
import { historyMonths, historyOf, type HistoryPlan } from '../history';
import { REALISTIC_RATES, sharesInMonth, sharesOf } from '../rates';
import { simulationOptions } from '../simulation-options';

// 1 December 2026, 13:00 in Vietnam.
const NOW = Date.parse('2026-12-01T06:00:00Z');
const unit = profileOf('X00001', 'UBND phường Thử', 'commune', 'T01');

function eventsOf(plan: HistoryPlan): { due: DomainEvent[]; later: DomainEvent[] } {
  const due: DomainEvent[] = [];
  const later: DomainEvent[] = [];
  for (const um of historyOf(plan)) {
    due.push(...um.due);
    later.push(...um.later);
  }
  return { due, later };
}

const plan = (over: Partial<HistoryPlan> = {}): HistoryPlan => ({
  units: [unit], months: 13, dossiersPerUnitMonth: 20, rates: REALISTIC_RATES, sourceSystem: 'simulator-mot-cua', now: NOW, ...over,
});

describe('the simulator\'s history', () => {
  it('covers 13 months ending with the current one', () => {
    expect(historyMonths(NOW, 13)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    expect(historyMonths(Date.parse('2026-01-31T20:00:00Z'), 2)).toEqual(['2026-01', '2026-02']); // 03:00 on 1 February in Vietnam
  });

  it('is seeded: the same plan gives the same events, ids and all', () => {
    expect(eventsOf(plan())).toEqual(eventsOf(plan()));
  });

  it('a later run in the same month re-derives the earlier events unchanged (duplicates, never conflicts) and adds newer ones', () => {
    const first = eventsOf(plan());
    const second = eventsOf(plan({ now: NOW + 5 * 86_400_000 }));
    const byId = new Map([...second.due, ...second.later].map((e) => [e.eventId, e]));
    for (const e of [...first.due, ...first.later]) expect(byId.get(e.eventId)).toEqual(e);
    expect(byId.size).toBeGreaterThan(first.due.length + first.later.length);
  });

  it('sends nothing dated after now, and the catalogue before the first month', () => {
    const { due, later } = eventsOf(plan());
    expect(due.every((e) => Date.parse(e.occurredAt) <= NOW)).toBe(true);
    expect(later.every((e) => Date.parse(e.occurredAt) > NOW)).toBe(true);
    const firstMonthStart = Date.parse('2025-12-01T00:00:00+07:00');
    const catalogue = due.filter((e) => e.type.startsWith('procedure.') && !/QD-X00001-\d{4}-\d{2}/.test(JSON.stringify(e.data)));
    expect(catalogue.length).toBeGreaterThan(5);
    expect(catalogue.every((e) => Date.parse(e.occurredAt) < firstMonthStart)).toBe(true);
    // Criteria 1 and 2 count the decisions dated in the period: one amended procedure a month, 13 in all.
    const announced = [...due, ...later].filter((e) => e.type === 'procedure.announced' && /QD-X00001-\d{4}-\d{2}/.test(JSON.stringify(e.data)));
    expect(announced.map((e) => (e.data as { decisionDate: string }).decisionDate.slice(0, 7))).toEqual(historyMonths(NOW, 13));
  });

  it('draws every unit\'s shares inside the configured ranges, spread across units, drifting month to month', () => {
    const shares = Array.from({ length: 300 }, (_, i) => sharesOf(`U${i}`));
    for (const key of ['onTime', 'online', 'digital', 'paysOnline', 'satisfied'] as const) {
      const values = shares.map((s) => s[key]);
      const [lo, hi] = REALISTIC_RATES[key];
      expect(Math.min(...values)).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...values)).toBeLessThanOrEqual(hi);
      // Spread: 300 uniform draws cover most of the range, so rankings are not a tie.
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan((hi - lo) * 0.8);
    }
    const months = historyMonths(NOW, 13).map((m) => sharesInMonth('U1', m).onTime);
    expect(new Set(months).size).toBe(13);
    expect(months.every((v) => v >= 0.8 && v <= 0.95)).toBe(true);
  });

  it('realises the unit\'s shares: on time and filed online as drawn (2,000 dossiers of one past month)', () => {
    const month = '2026-10';
    // By 1 December every October dossier is finished (due within 15 days, late by at most 55 % more).
    const { due } = eventsOf(plan({ dossiersPerUnitMonth: 2000, months: 3 }));
    const received = due.filter((e) => e.type === 'dossier.received' && e.occurredAt.startsWith(month));
    const codes = new Set(received.map((e) => e.dossierCode));
    const dueAt = new Map(received.map((e) => [e.dossierCode, Date.parse((e.data as { dueAt: string }).dueAt)]));
    const processed = due.filter((e) => e.type === 'dossier.processed' && codes.has(e.dossierCode));
    expect(processed.length).toBe(codes.size);
    const onTime = processed.filter((e) => Date.parse(e.occurredAt) <= (dueAt.get(e.dossierCode) as number)).length / processed.length;
    const online = received.filter((e) => (e.data as { channel: string }).channel === 'online').length / received.length;
    const expected = sharesInMonth(unit.code, month);
    // Binomial spread of ~1,000–3,000 draws: ±0.035 is over 3 standard deviations.
    expect(Math.abs(onTime - expected.onTime)).toBeLessThan(0.035);
    expect(Math.abs(online - expected.online)).toBeLessThan(0.035);
  });
});

describe('the simulator\'s command line', () => {
  it('defaults to the demo: two provinces, 10 communes each, 13 months', () => {
    expect(simulationOptions([], {})).toMatchObject({ scope: 'demo', sample: { provinces: ['HY25', 'TTH'], communesPerProvince: 10 }, months: 13, dossiersPerUnitMonth: 8, liveRate: 3 });
  });

  it('--national takes the whole country; volume, months and rates are configurable', () => {
    const o = simulationOptions(['--scope=national', '--provinces=3', '--communes=5', '--months=2', '--dossiers=7', '--on-time=0.7-0.9'], { SIM_RATE: '0' });
    expect(o).toMatchObject({ scope: 'national', sample: { provinces: 3, communesPerProvince: 5 }, months: 2, dossiersPerUnitMonth: 7, liveRate: 0 });
    expect(o.rates.onTime).toEqual([0.7, 0.9]);
    expect(simulationOptions(['--national'], {}).sample).toEqual({ communesPerProvince: Number.POSITIVE_INFINITY });
    expect(simulationOptions([], { SIM_HISTORY: '5' }).dossiersPerUnitMonth).toBe(5);
  });

  it('answers a wrong option with what to write instead', () => {
    expect(() => simulationOptions(['--months=0'], {})).toThrow('--months (SIM_MONTHS) must be a whole number from 1 to 36');
    expect(() => simulationOptions(['--scope=world'], {})).toThrow('"demo" or "national"');
    expect(() => simulationOptions(['--online=0.9-0.4'], {})).toThrow('share range like 0.8-0.95');
  });
});
