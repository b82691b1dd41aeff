import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import type { Page } from 'playwright-core';
import { type ConsolePlatform, startConsolePlatform, viNumber } from './browser-harness';
import { PERIOD, scoreCounting, seedMarch } from './console-fixtures';

/**
 * Group ranks in the console (ISSUE-12 item 1) and the unit page's live refetches (ISSUE-10 item 3).
 * March 2025 (console-fixtures): HY-SXD processed 3 of 3 dossiers on time, HY-STP 2 of 3. Progress
 * is criterion 5 alone, 20 points × the on-time rate: HY-SXD 20, HY-STP 13.33 (shown 13,3), so among
 * Hưng Yên's two departments HY-SXD is 1st and HY-STP 2nd in progress, their average 16.67.
 */
const rowOf = (page: Page, unitCode: string) => page.locator(`[data-testid="ranking-row"][data-unit-code="${unitCode}"]`);
const rowOrder = (page: Page) =>
  page.locator('[data-testid="ranking-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit-code')));
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim();

describe('console in Chromium: group ranks, and a unit page that refetches only what changed', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('sorts the ranking by a group and shows each unit\'s rank in that group', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}&cap=department&thuoc=HY`);
    await rowOf(page, 'HY-STP').waitFor();
    expect(await page.locator('[data-testid="group-rank"]').count()).toBe(0); // only the sorted group shows its ranks

    await page.locator('button[data-sort-key="group:progress"]').click();
    await rowOf(page, 'HY-SXD').locator('[data-testid="group-rank"]').waitFor();
    expect(await rowOrder(page)).toEqual(['HY-SXD', 'HY-STP']);
    expect((await rowOf(page, 'HY-SXD').locator('[data-testid="group-rank"]').textContent())?.trim()).toBe('hạng 01/2');
    expect((await rowOf(page, 'HY-STP').locator('[data-testid="group-rank"]').textContent())?.trim()).toBe('hạng 02/2');
    // A second click reverses it.
    await page.locator('button[data-sort-key="group:progress"]').click();
    await waitFor(async () => (await rowOrder(page))[0] === 'HY-STP', { what: 'the reversed order' });
    await c.screenshot(page, 'ranking-sorted-by-group');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('shows each group\'s rank x/N and the peers\' average on the unit page', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY-STP?ky=${PERIOD}`);
    const progress = page.locator('[data-testid="group-score"][data-group-id="progress"]');
    await progress.locator('[data-testid="group-rank"]').waitFor();
    expect((await progress.locator('[data-testid="group-rank"]').textContent())?.trim()).toBe('Hạng 02/2');
    expect((await progress.locator('[data-testid="group-average"]').textContent())?.trim()).toBe(`Trung bình cùng cấp ${viNumber((20 + 40 / 3) / 2, 1)}/20`);

    // A province is ranked nationally: here the only one, its average is its own.
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    const hyProgress = page.locator('[data-testid="group-score"][data-group-id="progress"]');
    await hyProgress.locator('[data-testid="group-rank"]').waitFor();
    expect((await hyProgress.locator('[data-testid="group-rank"]').textContent())?.trim()).toBe('Hạng 01/1');
    // 5 of 6 dossiers on time across the province: 20 × 5/6 = 16.67.
    expect((await hyProgress.locator('[data-testid="group-average"]').textContent())?.trim()).toBe(`Trung bình cả nước ${viNumber((20 * 5) / 6, 1)}/20`);
    await c.screenshot(page, 'unit-group-ranks');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('refetches a unit page once for a burst of changes to it, and not at all for a change elsewhere', async () => {
    const page = await c.newPage();
    // Time is ours to move: a burst window is passed with fastForward, not waited for.
    await page.clock.install();
    const requests: string[] = [];
    let settled = 0;
    const isApi = (url: string) => url.includes('/api/v1/') && !url.includes('/api/v1/stream') && !url.includes('/api/v1/auth');
    page.on('request', (r) => void (isApi(r.url()) && requests.push(new URL(r.url()).pathname + new URL(r.url()).search)));
    page.on('requestfinished', (r) => void (isApi(r.url()) && settled++));
    page.on('requestfailed', (r) => void (isApi(r.url()) && settled++));
    const quiet = () => waitFor(() => settled === requests.length, { what: 'the page\'s requests to settle' });

    await page.goto(`${c.consoleUrl}/don-vi/HY-STP?ky=${PERIOD}`);
    await page.locator('[data-testid="trend-chart"], [data-testid="trend-empty"]').first().waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    await page.clock.fastForward(5_000); // the refetch on (re)connection
    await quiet();
    // A second stream in the page sees what the console's sees.
    await page.evaluate(() => {
      const seen: { unitCode: string; period: string }[] = [];
      Object.assign(window, { __seen: seen });
      new EventSource('/api/v1/stream').addEventListener('score-changed', (e) => seen.push(JSON.parse((e as MessageEvent<string>).data)));
    });
    const seen = (unitCode: string) => waitFor(
      () => page.evaluate((u) => (window as unknown as { __seen: { unitCode: string; period: string }[] }).__seen.some((m) => m.unitCode === u && m.period === '2025-03'), unitCode),
      { what: `the page to be told ${unitCode} changed`, timeoutMs: 60_000 },
    );
    const before = requests.length;

    // Another province's department: nothing on this page moves.
    await c.post([
      unitRegistered('TN', 'Thái Nguyên', 'province'),
      unitRegistered('TN-SYT', 'Sở Y tế', 'department', 'TN'),
      dossierEvents('TN-SYT', 'SYT-1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'),
      dossierEvents('TN-SYT', 'SYT-1').processed('2025-03-04T08:00:00'),
    ]);
    await scoreCounting(c, 'TN-SYT', 1);
    await seen('TN-SYT');
    await page.clock.fastForward(5_000);
    await quiet();
    expect(requests.slice(before)).toEqual([]);

    // Two more dossiers of HY-STP in one post: its month and its province's move (one burst).
    const more = [dossierEvents('HY-STP', 'STP-2503-0010'), dossierEvents('HY-STP', 'STP-2503-0011')];
    await c.post(more.flatMap((d) => [d.received('2025-03-24T08:00:00', '2025-03-28T17:00:00'), d.processed('2025-03-25T08:00:00')]));
    const after = await scoreCounting(c, 'HY-STP', 5);
    await seen('HY-STP');
    await seen('HY');
    await page.clock.fastForward(5_000);
    await waitFor(() => requests.length > before, { what: 'the refetch', timeoutMs: 30_000 });
    await quiet();
    const refetched = requests.slice(before);
    // The unit's score once, and the trend's changed month only; nothing else.
    expect(refetched.filter((u) => u.startsWith('/api/v1/units/HY-STP/scores'))).toHaveLength(1);
    expect(refetched.filter((u) => u.startsWith('/api/v1/units/HY-STP/trend'))).toEqual([`/api/v1/units/HY-STP/trend?to=${PERIOD}&months=1`]);
    expect(refetched).toHaveLength(2);
    await waitFor(async () => (await text(page, '[data-testid="unit-total-score"]')) === viNumber(after.total, 2), { what: 'the new total on screen' });
    // The trend was never replaced by "loading".
    expect(await page.locator('section:has(#trend-heading) [aria-busy="true"]').count()).toBe(0);
    expect(c.errorsOf(page)).toEqual([]);
  });
});
