import type { CriterionScoreDto, ScoreDiffDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import { dossierEvents, waitFor } from '@idx/testing';
import { type ConsolePlatform, startConsolePlatform, viNumber } from './browser-harness';
import { LATE_DOSSIER, PERIOD, ranking, scoreCounting, seedMarch } from './console-fixtures';

/** What a criterion's rate cell must say instead of a number (DOMAIN §4), or null when it is a number. */
function wordsFor(criterion: CriterionScoreDto): string | null {
  if (criterion.status === 'not-applicable') {
    return criterion.flags.includes('no-fee-bearing-procedures') ? 'TTHC không có phí, lệ phí' : 'Không áp dụng';
  }
  return criterion.status === 'no-data' ? 'Chưa có dữ liệu' : null;
}

/** `<input type="datetime-local">` value of an instant in Vietnam time, to the second. */
const vietnamLocal = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);

describe('console in Chromium: unit view and explain view (issue 5 §4)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('shows a unit: total with band and rank, 6 groups, all 21 criteria, trend and radar charts', async () => {
    const score = (await c.api<UnitScoreDto>(`/api/v1/units/HY-STP/scores?period=${PERIOD}`)).body;
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await page.locator('[data-testid="ranking-row"][data-unit-code="HY-STP"] [data-testid="unit-link"]').click();
    await page.getByTestId('unit-total-score').waitFor();
    expect(new URL(page.url()).pathname).toBe('/don-vi/HY-STP');
    expect(new URL(page.url()).searchParams.get('ky')).toBe(PERIOD);

    expect((await page.getByTestId('unit-total-score').textContent())?.trim()).toBe(viNumber(score.total, 2));
    expect((await page.getByTestId('unit-name').textContent())?.trim()).toBe('Sở Tư pháp');
    expect(await page.locator('.total-card [data-testid="band"]').textContent()).toBe(score.band.labelVi);
    if (score.rank?.rank) {
      expect(await page.getByTestId('unit-rank').textContent()).toContain(`${String(score.rank.rank).padStart(2, '0')}/${score.rank.of}`);
    }
    expect(await page.getByTestId('group-score').count()).toBe(6);

    const rows = page.getByTestId('criterion-row');
    expect(await rows.count()).toBe(21);
    for (const criterion of score.criteria) {
      const row = page.locator(`[data-testid="criterion-row"][data-criterion="${criterion.id}"]`);
      const rate = (await row.getByTestId('criterion-rate').textContent())?.trim();
      const points = (await row.getByTestId('criterion-points').textContent())?.trim();
      const words = wordsFor(criterion);
      if (words) {
        // N/A and no data are words, never a 0.
        expect(rate).toBe(words);
        expect(points).toBe(words);
      } else {
        expect(rate).toBe(criterion.ratio === null ? '—' : `${viNumber(criterion.ratio * 100, 2)}%`);
        expect(points).toBe(criterion.points === null ? '—' : viNumber(criterion.points, 2));
      }
      expect(await row.getByTestId('criterion-link').getAttribute('href')).toBe(`/don-vi/HY-STP/tieu-chi/${criterion.id}?ky=${PERIOD}`);
    }
    const c5 = page.locator('[data-testid="criterion-row"][data-criterion="5"]');
    expect((await c5.getByTestId('criterion-numerator').textContent())?.trim()).toBe('2');
    expect((await c5.getByTestId('criterion-denominator').textContent())?.trim()).toBe('3');
    // A department has no criterion 2 (a provincial duty): N/A, not 0.
    expect((await page.locator('[data-testid="criterion-row"][data-criterion="2"] [data-testid="criterion-points"]').textContent())?.trim()).toBe(
      'Không áp dụng',
    );

    const trend = await c.api<UnitTrendDto>(`/api/v1/units/HY-STP/trend?to=${PERIOD}&months=12`);
    expect(trend.status).toBe(200);
    await page.locator('[data-testid="trend-chart"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('trend-chart').getAttribute('data-points')).toBe(String(trend.body.points.length));
    await page.locator('[data-testid="radar-chart"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('radar-chart').getAttribute('data-points')).toBe('6');
    await c.screenshot(page, 'unit');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it("lists a province's sub-units with their scores", async () => {
    const departments = await ranking(c, '&level=department&parent=HY');
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    await page.locator('[data-testid="sub-units"][data-level="department"]').waitFor();
    for (const row of departments.rows) {
      const tr = page.locator(`[data-testid="sub-unit-row"][data-unit-code="${row.unit.code}"]`);
      expect((await tr.getByTestId('sub-unit-total').textContent())?.trim()).toBe(viNumber(row.total, 2));
    }
    await c.screenshot(page, 'unit-province');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('explains criterion 5: the late dossier first, how late, and its event history with the hash chain checked', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY-STP?ky=${PERIOD}`);
    await page.locator('[data-testid="criterion-row"][data-criterion="5"] [data-testid="criterion-link"]').click();
    const late = page.locator(`[data-testid="explain-item"][data-code="${LATE_DOSSIER}"]`);
    await late.waitFor();
    expect(new URL(page.url()).pathname).toBe('/don-vi/HY-STP/tieu-chi/5');

    // Items that cost points come first; due 13/03 17:00, finished 20/03 09:00.
    expect(await page.getByTestId('explain-item').first().getAttribute('data-code')).toBe(LATE_DOSSIER);
    expect(await late.getAttribute('data-costs-points')).toBe('true');
    expect((await late.getByTestId('explain-item-late').textContent())?.trim()).toBe('trễ 6 ngày 16 giờ');
    expect(await page.getByTestId('explain-item').count()).toBe(3);
    expect((await page.getByTestId('figure-numerator').textContent())?.trim()).toBe('2');
    expect((await page.getByTestId('figure-denominator').textContent())?.trim()).toBe('3');

    await late.getByTestId('explain-item-toggle').click();
    const badge = late.getByTestId('chain-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-intact')).toBe('true');
    expect(await late.getByTestId('history-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')))).toEqual([
      'dossier.received',
      'dossier.processed',
    ]);
    await c.screenshot(page, 'explain');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('recomputes the score as of a moment, and lists what a late event changed between two moments', async () => {
    const before = await scoreCounting(c, 'HY-STP', 3);
    // A whole second after everything seeded was recorded; the next event is recorded after it.
    const moment = Math.ceil(Date.now() / 1000) * 1000;
    await waitFor(() => Date.now() > moment, { what: 'the clock to pass the chosen moment' });
    const late = dossierEvents('HY-STP', 'STP-2503-0009');
    await c.post([late.received('2025-03-24T08:00:00', '2025-03-25T17:00:00'), late.processed('2025-03-28T10:00:00')]);
    const after = await scoreCounting(c, 'HY-STP', 4);
    expect(viNumber(after.total, 2)).not.toBe(viNumber(before.total, 2));

    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY-STP?ky=${PERIOD}`);
    await page.locator('[data-testid="unit-total-score"]', { hasText: viNumber(after.total, 2) }).waitFor();

    await page.getByTestId('as-of-input').fill(vietnamLocal(moment));
    await page.getByTestId('as-of-apply').click();
    await page.locator('[data-testid="unit-total-score"]', { hasText: viNumber(before.total, 2) }).waitFor();
    await page.locator('[data-testid="as-of-banner"][data-state="ready"]').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(`${vietnamLocal(moment)}+07:00`);

    await page.getByTestId('compare-from').fill(vietnamLocal(moment));
    await page.getByTestId('compare-to').fill(vietnamLocal(Date.now() + 60_000));
    await page.getByTestId('compare-run').click();
    await page.getByTestId('diff-result').waitFor();
    const diff = await c.api<ScoreDiffDto>(
      `/api/v1/units/HY-STP/scores/diff?period=${PERIOD}&from=${encodeURIComponent(`${vietnamLocal(moment)}+07:00`)}&to=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(diff.status).toBe(200);
    await page.locator('[data-testid="diff-criterion"][data-criterion="5"]').waitFor();
    expect(await page.locator('[data-testid="diff-event"][data-subject="STP-2503-0009"]').count()).toBe(2);
    expect(await page.getByTestId('diff-totals').textContent()).toContain(`${viNumber(before.total, 2)} → ${viNumber(after.total, 2)}`);

    await page.getByTestId('as-of-clear').click();
    await page.locator('[data-testid="unit-total-score"]', { hasText: viNumber(after.total, 2) }).waitFor();
    expect(await page.getByTestId('as-of-banner').count()).toBe(0);
    await c.screenshot(page, 'unit-as-of-compare');
    expect(c.errorsOf(page)).toEqual([]);
  });
});
