import { dossierEvents, waitFor } from '@idx/testing';
import type { Page } from 'playwright-core';
import { type ConsolePlatform, startConsolePlatform, viNumber } from './browser-harness';
import { PERIOD, ranking, scoreCounting, seedMarch } from './console-fixtures';

const rowOf = (page: Page, unitCode: string) => page.locator(`[data-testid="ranking-row"][data-unit-code="${unitCode}"]`);
const totalOf = (page: Page, unitCode: string) => rowOf(page, unitCode).locator('[data-testid="unit-total"]');
const rowOrder = (page: Page) =>
  page.locator('[data-testid="ranking-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-code')));

describe('console in Chromium: the ranking (issue 5 §4)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('shows a month: ranks as "01/02", totals with a decimal comma, bands, the 6 groups, the average row', async () => {
    const provinces = await ranking(c, '');
    const departments = await ranking(c, '&level=department&parent=HY');
    const page = await c.newPage();

    await page.goto(`${c.consoleUrl}/?ky=${PERIOD}`);
    await rowOf(page, 'HY').waitFor();
    const hy = provinces.rows.find((r) => r.unit.code === 'HY');
    expect((await totalOf(page, 'HY').textContent())?.trim()).toBe(viNumber(hy?.total ?? NaN, 2));
    expect(await page.getByTestId('ranking-caption').textContent()).toContain('tháng 03/2025');
    expect(await page.locator('th.col-group').count()).toBe(6);

    // Departments of the province, ranked among themselves, with the average row.
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await page.locator('[data-testid="ranking-row"]').nth(1).waitFor();
    for (const row of departments.rows) {
      const tr = rowOf(page, row.unit.code);
      expect((await tr.getByTestId('unit-total').textContent())?.trim()).toBe(viNumber(row.total, 2));
      expect((await tr.getByTestId('unit-rank').textContent())?.trim()).toBe(`${String(row.rank).padStart(2, '0')}/${row.of}`);
      expect((await tr.getByTestId('band').textContent())?.trim()).toBe(row.band.labelVi);
      expect(await tr.getByTestId('unit-link').getAttribute('href')).toBe(`/don-vi/${row.unit.code}?ky=${PERIOD}`);
    }
    const average = page.getByTestId('ranking-average');
    expect(await average.textContent()).toContain('Trung bình');
    expect((await average.getByTestId('average-total').textContent())?.trim()).toBe(viNumber(departments.average.total ?? NaN, 2));
    expect(await page.getByTestId('last-updated').textContent()).toMatch(/Cập nhật lúc \d{2}:\d{2}:\d{2}/);
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    // All columns, the change since the previous period included, fit a 1440 px screen.
    expect(await page.locator('.table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await c.screenshot(page, 'ranking');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('updates a total live when a new event is posted, without reloading the page', async () => {
    const page = await c.newPage();
    // Ranking requests: the first load, one refetch when the stream (re)connects, then one per change.
    const issued: number[] = [];
    let settled = 0;
    const isRanking = (url: string) => url.includes('/api/v1/rankings');
    page.on('request', (request) => void (isRanking(request.url()) && issued.push(Date.now())));
    page.on('requestfinished', (request) => void (isRanking(request.url()) && settled++));
    page.on('requestfailed', (request) => void (isRanking(request.url()) && settled++));

    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await rowOf(page, 'HY-SXD').waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    await waitFor(() => issued.length >= 2 && settled === issued.length, { what: 'the load and the on-connect refetch to settle' });
    const before = (await totalOf(page, 'HY-SXD').textContent())?.trim() ?? '';
    const updatedBefore = (await page.getByTestId('last-updated').getAttribute('data-updated-at')) ?? '';
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // A late dossier: received 17/03, due 24/03, finished 31/03 — criterion 5 of HY-SXD drops to 3 of 4.
    const postedAt = Date.now();
    const late = dossierEvents('HY-SXD', 'SXD-2503-0004');
    await c.post([late.received('2025-03-17T08:00:00', '2025-03-24T17:00:00'), late.processed('2025-03-31T16:00:00')]);
    const after = await scoreCounting(c, 'HY-SXD', 4);
    const expected = viNumber(after.total, 2);
    expect(expected).not.toBe(before);

    await page.waitForFunction(
      ({ selector, text }) => document.querySelector(selector)?.textContent?.trim() === text,
      { selector: '[data-testid="ranking-row"][data-unit-code="HY-SXD"] [data-testid="unit-total"]', text: expected },
    );
    // Refetched because the stream said so: same document, no navigation, a request after the post.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(navigations).toBe(0);
    expect(issued.some((at) => at >= postedAt)).toBe(true);
    expect(((await page.getByTestId('last-updated').getAttribute('data-updated-at')) ?? '') > updatedBefore).toBe(true);
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('sorts by a column, and switches to English and back, remembering the choice across reloads', async () => {
    const departments = await ranking(c, '&level=department&parent=HY');
    const byTotal = [...departments.rows].sort((a, b) => b.total - a.total).map((r) => r.unit.code);
    expect(new Set(departments.rows.map((r) => r.total)).size).toBe(departments.rows.length);
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await page.locator('[data-testid="ranking-row"]').nth(1).waitFor();

    // The first click sorts best first, the second reverses; the header says which (aria-sort).
    await page.locator('button[data-sort-key="total"]').click();
    await page.locator('th[aria-sort="descending"] button[data-sort-key="total"]').waitFor();
    expect(await rowOrder(page)).toEqual(byTotal);
    await page.locator('button[data-sort-key="total"]').click();
    await page.locator('th[aria-sort="ascending"] button[data-sort-key="total"]').waitFor();
    expect(await rowOrder(page)).toEqual([...byTotal].reverse());

    const switcher = page.getByTestId('lang-switch');
    expect(await switcher.getAttribute('data-lang')).toBe('vi');
    await switcher.click();
    await page.locator('#ranking-heading', { hasText: 'Ranking' }).waitFor();
    const stp = departments.rows.find((r) => r.unit.code === 'HY-STP');
    const english = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(stp?.total ?? NaN);
    expect((await totalOf(page, 'HY-STP').textContent())?.trim()).toBe(english);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.locator('#ranking-heading', { hasText: 'Ranking' }).waitFor();
    expect(await page.getByTestId('lang-switch').getAttribute('data-lang')).toBe('en');
    await page.getByTestId('lang-switch').click();
    await page.locator('#ranking-heading', { hasText: 'Bảng xếp hạng' }).waitFor();
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('offers every period kind and level: a quarter ranks the same units as its months', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await rowOf(page, 'HY-STP').waitFor();
    await page.getByTestId('period-kind').selectOption('quarter');
    await waitFor(() => page.url().includes('ky=2025-Q1'), { what: 'the quarter in the URL' });
    await rowOf(page, 'HY-STP').waitFor();
    expect(await page.getByTestId('ranking-caption').textContent()).toContain('quý I/2025');
    expect(await page.getByTestId('period-kind').locator('option').allTextContents()).toEqual([
      'Tháng',
      'Quý',
      '6 tháng',
      'Năm',
      'Tháng này (đến nay)',
    ]);
    expect(await page.getByTestId('level-picker').locator('option').count()).toBe(4);
  });
});
