import type { RankingDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import { monthKeyOf, parsePeriod, REFERENCE_SOURCE_SYSTEM } from '@idx/domain';
import { waitFor } from '@idx/testing';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { historyMonths } from '../simulator/history';
import { REALISTIC_RATES } from '../simulator/rates';
import { type HistoryReport, simulate } from '../simulator/simulation';
import { createWriterKey } from '../testing/writer-key';
import { type RunningPlatform, startPlatform } from './platform-harness';

const json = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

// Three provinces of the country after the 2025 reform: one continuing (Hà Nội), one hand-made
// reference unit (the new Hưng Yên), one formed on 1 July 2025 (Phú Thọ).
const PROVINCES = ['T01', 'HY25', 'T25-2025'];
const MONTHS = 3;
// The simulation's clock: 23:00 on the last day of the previous month (Vietnam), so every simulated
// month is whole whatever day the suite runs on (ingest only refuses business time in the future).
const NOW = parsePeriod(monthKeyOf(Date.now())).start - 3_600_000;
const months = historyMonths(NOW, MONTHS);
const [, previous, last] = months;

/**
 * The national simulator against the three services: a small slice of the country (3 provinces,
 * their departments and 3 communes each, 3 months) streamed through ingest with writer keys, as
 * `npm start -- --simulate=national` does; then the ranking, trends, changes and every criterion read back.
 */
describe('end to end: the national simulator', () => {
  let platform: RunningPlatform;
  let report: HistoryReport;
  const url = (path: string) => `${platform.reportingUrl}${path}`;

  beforeAll(async () => {
    platform = await startPlatform();
    const registryKey = await createWriterKey(platform.db.pool, { sourceSystem: REFERENCE_SOURCE_SYSTEM, units: ['*'], manageUnits: true });
    const apiKey = await createWriterKey(platform.db.pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM, units: ['*'], manageUnits: false });
    report = await simulate({
      ingestUrl: platform.ingestUrl, apiKey, registryKey, sample: { provinces: PROVINCES, communesPerProvince: 3 }, months: MONTHS,
      dossiersPerUnitMonth: 6, rates: REALISTIC_RATES, sourceSystem: SIMULATOR_SOURCE_SYSTEM, liveRate: 0, now: NOW, log: () => undefined,
    });
    await waitFor(async () => {
      const health = await json<{ checkpoint?: { eventsWaiting: boolean } }>(`${platform.scoringUrl}/health`);
      if (health.checkpoint?.eventsWaiting !== false) return undefined;
      // Every simulated month, not only the last: a catch-up recomputes the deferred months after the checkpoint moved.
      for (const month of months) {
        const ranking = await json<RankingDto>(url(`/api/v1/rankings?period=${month}&level=province`));
        if (ranking.rows.filter((r) => r.hasData).length !== PROVINCES.length) return undefined;
      }
      return true;
    }, { what: 'scoring to catch up with the simulated history', timeoutMs: 300_000, intervalMs: 500 });
  }, 600_000);
  afterAll(() => platform?.stop());

  it('sent every event, none refused, with the units of the slice', async () => {
    expect(report.rejected).toBe(0);
    expect(report.events).toBeGreaterThan(1000);
    // 3 provinces, 13 departments each for Hà Nội and Phú Thọ (Decree 45/2025) and the new Hưng Yên's own, 3 communes each.
    const provinces = report.units.filter((u) => u.level === 'province').map((u) => u.code).sort();
    expect(provinces).toEqual([...PROVINCES].sort());
    expect(report.units.filter((u) => u.level === 'commune')).toHaveLength(9);
    expect(report.units.filter((u) => u.level === 'department' && u.parentCode === 'T01')).toHaveLength(13);
  });

  it('holds the asked months of history: each province has dossiers received in each simulated month', async () => {
    const rows = await platform.db.pool.query<{ month: string; units: number }>(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(DISTINCT unit_code)::int AS units
         FROM events WHERE type = 'dossier.received' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows.map((r) => r.month)).toEqual(months);
    expect(rows.rows.every((r) => r.units === report.units.length)).toBe(true);
  });

  it('ranks the simulated provinces x/N among the provinces with activity, with the change since the previous month', async () => {
    const ranking = await json<RankingDto>(url(`/api/v1/rankings?period=${last}&level=province`));
    const active = ranking.rows.filter((r) => r.hasData);
    expect(active.map((r) => r.unit.code).sort()).toEqual([...PROVINCES].sort());
    expect(active.every((r) => r.of === PROVINCES.length && r.rank !== null && r.rank >= 1 && r.rank <= PROVINCES.length)).toBe(true);
    // The previous month was simulated too: every row says how far it moved since.
    expect(active.every((r) => typeof r.previousTotal === 'number')).toBe(true);
    // Units drawn apart: not every province on the same total.
    expect(new Set(active.map((r) => r.total)).size).toBeGreaterThan(1);
  });

  it('draws a trend point for every simulated month of each province, on a 12-month axis', async () => {
    for (const code of PROVINCES) {
      const trend = await json<UnitTrendDto>(url(`/api/v1/units/${code}/trend?to=${last}&months=12`));
      expect(trend.points).toHaveLength(12);
      const byMonth = new Map(trend.points.map((p) => [p.period, p.total]));
      for (const m of months) expect([code, m, typeof byMonth.get(m)]).toEqual([code, m, 'number']);
    }
  });

  it('gives every one of the 21 criteria data for a simulated province, at rates inside the configured ranges', async () => {
    for (const period of [previous, last]) {
      const score = await json<UnitScoreDto>(url(`/api/v1/units/T25-2025/scores?period=${period}`));
      expect(score.hasData).toBe(true);
      expect(score.criteria.map((c) => c.id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(score.criteria.filter((c) => c.status === 'no-data').map((c) => c.id)).toEqual([]);
      const ratio = (id: number) => score.criteria.find((c) => c.id === id)?.ratio as number;
      // Pooled over ~100 dossiers of the province's units: three binomial standard deviations around the configured ranges.
      expect(ratio(5)).toBeGreaterThanOrEqual(REALISTIC_RATES.onTime[0] - 0.12);
      expect(ratio(5)).toBeLessThanOrEqual(Math.min(1, REALISTIC_RATES.onTime[1] + 0.12));
      expect(ratio(8)).toBeGreaterThanOrEqual(REALISTIC_RATES.online[0] - 0.12);
      expect(ratio(8)).toBeLessThanOrEqual(REALISTIC_RATES.online[1] + 0.12);
    }
  });
});
