import type { ExplainDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type ConsolePlatform, startConsolePlatform } from './browser-harness';

const U = 'HY-STP';
const PERIOD = '2025-03';
const pad = (n: number) => String(n).padStart(3, '0');

/**
 * 130 dossiers of one department in March 2025, by hand: L001–L060 finished 1 to 60 hours after
 * their due time (they cost points, the latest first: L060 … L001), K001–K070 finished early. So the
 * list holds 130, 60 cost points; the console shows 50 a page.
 */
function marchDossiers(): object[] {
  const late = Array.from({ length: 60 }, (_, i) => {
    const d = dossierEvents(U, `L${pad(i + 1)}`);
    const finished = new Date(Date.parse('2025-03-10T17:00:00Z') + (i + 1) * 3_600_000).toISOString().slice(0, 19);
    return [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed(finished)];
  });
  const early = Array.from({ length: 70 }, (_, i) => {
    const d = dossierEvents(U, `K${pad(i + 1)}`);
    return [d.received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), d.processed('2025-03-05T10:00:00')];
  });
  return [...late, ...early].flat();
}

describe('console in Chromium: the explain view pages the list and keeps it through a live change (issue 10 §3)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await c.post([unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered(U, 'Sở Tư pháp', 'department', 'HY'), ...marchDossiers()]);
    await waitFor(async () => (await c.api<ExplainDto>(`/api/v1/units/${U}/explain?period=${PERIOD}&criterion=5&size=1`)).body.totals?.items === 130, {
      what: 'March projected', timeoutMs: 60_000,
    });
  }, 180_000);
  afterAll(() => c?.stop(), 60_000);

  it('shows the totals from the answer, 50 items a page, and the next page on "Xem thêm"', async () => {
    const page = await c.newPage();
    const explainRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/explain?')) explainRequests.push(r.url());
    });
    await page.goto(`${c.consoleUrl}/don-vi/${U}/tieu-chi/5?ky=${PERIOD}`);
    await page.locator('[data-testid="explain-items"][data-loaded="50"]').waitFor();
    expect(await page.getByTestId('explain-total').getAttribute('data-count')).toBe('130');
    expect(await page.getByTestId('explain-costing').getAttribute('data-count')).toBe('60');
    const codes = () => page.getByTestId('explain-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    expect((await codes()).slice(0, 3)).toEqual(['L060', 'L059', 'L058']);
    expect((await page.getByTestId('explain-more').textContent())?.trim()).toBe('Xem thêm (còn 80)');
    // The first page once, and once more when the live stream connects (changes made before it connected were never pushed).
    const firstPages = () => explainRequests.filter((u) => !new URL(u).searchParams.has('cursor'));
    expect(firstPages().length).toBeGreaterThanOrEqual(1);
    expect(firstPages().length).toBeLessThanOrEqual(2);
    expect(new URL(explainRequests[0] ?? '').searchParams.get('size')).toBe('50');

    await page.getByTestId('explain-more').click();
    await page.locator('[data-testid="explain-items"][data-loaded="100"]').waitFor();
    const shown = await codes();
    // Page 2: L010 … L001 (the last ten late), then the first forty early ones by code.
    expect(shown.slice(50, 61)).toEqual([...Array.from({ length: 10 }, (_, i) => `L${pad(10 - i)}`), 'K001']);
    expect(new Set(shown).size).toBe(100);
    expect(explainRequests.filter((u) => new URL(u).searchParams.has('cursor'))).toHaveLength(1);
    await page.getByTestId('explain-more').click();
    await page.locator('[data-testid="explain-items"][data-loaded="130"]').waitFor();
    expect(await page.getByTestId('explain-more').count()).toBe(0);
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('pages only those that cost points when asked, counted by the server', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/${U}/tieu-chi/5?ky=${PERIOD}`);
    await page.locator('[data-testid="explain-items"][data-loaded="50"]').waitFor();
    await page.getByTestId('only-costing').check();
    await page.locator('[data-testid="explain-items"][data-loaded="50"]').waitFor();
    expect((await page.getByTestId('explain-more').textContent())?.trim()).toBe('Xem thêm (còn 10)');
    await page.getByTestId('explain-more').click();
    await page.locator('[data-testid="explain-items"][data-loaded="60"]').waitFor();
    const costs = await page.getByTestId('explain-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-costs-points')));
    expect(costs.every((v) => v === 'true')).toBe(true);
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('a live change refreshes the figure and totals once, and keeps the pages and the history the reader opened', async () => {
    const page = await c.newPage();
    const firstPages: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/explain?') && !r.url().includes('cursor=')) firstPages.push(r.url());
    });
    await page.goto(`${c.consoleUrl}/don-vi/${U}/tieu-chi/5?ky=${PERIOD}`);
    await page.locator('[data-testid="explain-items"][data-loaded="50"]').waitFor();
    await page.getByTestId('explain-more').click();
    await page.locator('[data-testid="explain-items"][data-loaded="100"]').waitFor();
    const opened = page.locator('[data-testid="explain-item"][data-code="K001"]');
    await opened.getByTestId('explain-item-toggle').click();
    await opened.getByTestId('chain-badge').waitFor();
    const before = firstPages.length;

    // One burst: three more late dossiers in one batch.
    const more = ['L061', 'L062', 'L063'].flatMap((code) => {
      const d = dossierEvents(U, code);
      return [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-25T17:00:00')];
    });
    await c.post(more);
    await page.locator('[data-testid="explain-total"][data-count="133"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('explain-costing').getAttribute('data-count')).toBe('63');
    expect((await page.getByTestId('figure-denominator').textContent())?.trim()).toBe('133');
    // The reader's list and open history stay; a notice says the list moved and offers to reload it.
    expect(await page.locator('[data-testid="explain-items"]').getAttribute('data-loaded')).toBe('100');
    expect(await opened.getByTestId('chain-badge').count()).toBe(1);
    await page.getByTestId('explain-list-changed').waitFor();
    expect(await page.getByTestId('explain-loading').count()).toBe(0);
    // One refetch of the first page brought the burst in (no restart loop).
    expect(firstPages.length - before).toBe(1);

    await page.getByTestId('explain-reload').click();
    await page.locator('[data-testid="explain-items"][data-loaded="50"]').waitFor();
    expect(await page.getByTestId('explain-item').first().getAttribute('data-code')).toBe('L061');
    // Still one refetch for the burst: the only other first page is the reader's reload.
    expect(firstPages.length - before).toBe(2);
    await c.screenshot(page, 'explain-paged');
    expect(c.errorsOf(page)).toEqual([]);
  });
});
