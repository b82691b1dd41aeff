import type { UnitScoreDto } from '@idx/contracts';
import { waitFor } from '@idx/testing';
import { type ConsolePlatform, startConsolePlatform, viNumber } from './browser-harness';
import { PERIOD, seedMarch } from './console-fixtures';

/**
 * A cold load asks for the landing page's figures before the app boots (docs/console-load.md); the
 * access rules must not move: readings are private here, so a visitor without a session gets no
 * figure, and the answers refused before signing in are never shown afterwards.
 */
describe('console in Chromium: a cold load reads early and keeps the access rules (issue 10 §3)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform({ readsPublic: false });
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('sends a visitor landing on a unit page to sign in: the early reads are refused (401) and no figure is drawn', async () => {
    const page = await c.newPage();
    const answers: { path: string; status: number }[] = [];
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/v1/units/') || url.pathname === '/api/v1/rankings') answers.push({ path: url.pathname, status: r.status() });
    });
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    await page.waitForURL(/\/dang-nhap\?quay-lai=%2Fdon-vi%2FHY%3Fky%3D2025-03$/);
    await waitFor(() => (answers.length >= 2 ? true : undefined), { what: 'the early score and trend reads to be answered' });
    expect(answers).toEqual(
      expect.arrayContaining([
        { path: '/api/v1/units/HY/scores', status: 401 },
        { path: '/api/v1/units/HY/trend', status: 401 },
      ]),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    expect(await page.getByTestId('unit-total-score').count()).toBe(0);
    expect(await page.locator('#login-heading').textContent()).toBe('Đăng nhập');
  });

  it('the same for the ranking, the home page that is in the main bundle', async () => {
    const page = await c.newPage();
    const rankingStatuses: number[] = [];
    page.on('response', (r) => void (new URL(r.url()).pathname === '/api/v1/rankings' && rankingStatuses.push(r.status())));
    await page.goto(`${c.consoleUrl}/xep-hang?ky=${PERIOD}`);
    await page.waitForURL(/\/dang-nhap\?quay-lai=%2Fxep-hang%3Fky%3D2025-03$/);
    await waitFor(() => (rankingStatuses.length >= 1 ? true : undefined), { what: 'the early ranking read to be answered' });
    expect(rankingStatuses).toEqual([401]);
    expect(await page.locator('[data-testid="ranking-row"]').count()).toBe(0);
  });

  it('once signed in, a page opened within the early answers’ window asks the API again and shows its figures', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    await page.waitForURL(/\/dang-nhap/);
    // The early reads above were refused; signing in on the same page and going back must not reuse them.
    const account = await c.createAccount('kiem-toan-som', 'auditor');
    await page.getByTestId('login-username').fill(account.username);
    await page.getByTestId('login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/don-vi\/HY\?ky=2025-03$/);
    await page.getByTestId('unit-total-score').waitFor();
    const score = await page.evaluate(async (url) => (await (await fetch(url)).json()) as UnitScoreDto, `/api/v1/units/HY/scores?period=${PERIOD}`);
    expect((await page.getByTestId('unit-total-score').textContent())?.trim()).toBe(viNumber(score.total, 2));
    expect(c.errorsOf(page).filter((e) => !e.includes('401'))).toEqual([]);
  });
});
