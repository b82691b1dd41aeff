import type { AuthMeDto, PeriodSnapshotDto } from '@idx/contracts';
import type { Page } from 'playwright-core';
import { signIn } from '../console-session';
import { type ConsolePlatform, startConsolePlatform } from './browser-harness';
import { PERIOD, seedMarch } from './console-fixtures';

/** The API as the page's own scripts would call it: same origin, its cookies, the CSRF header from its cookie. */
function pagePost(page: Page, path: string, withCsrf: boolean): Promise<{ status: number; reason?: string }> {
  return page.evaluate(
    async ({ path, withCsrf }) => {
      const token = /(?:^|; )qd766_csrf=([^;]*)/.exec(document.cookie)?.[1];
      const res = await fetch(path, { method: 'POST', headers: withCsrf && token ? { 'x-csrf-token': decodeURIComponent(token) } : {} });
      const body = (await res.json().catch(() => ({}))) as { reason?: string };
      return { status: res.status, reason: body.reason };
    },
    { path, withCsrf },
  );
}

describe('console in Chromium: sign-in, roles and CSRF (issue 8 §1)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform({ readsPublic: false });
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('sends a visitor to the Vietnamese login page, says when the password is wrong, signs an auditor in, closes a month and signs out', async () => {
    const auditor = await c.createAccount('kiem-toan', 'auditor');
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/kiem-toan`);
    await page.waitForURL(/\/dang-nhap\?quay-lai=%2Fkiem-toan$/);
    expect(await page.locator('#login-heading').textContent()).toBe('Đăng nhập');
    expect(await page.getByText('Tên đăng nhập').count()).toBe(1);
    expect(await page.getByText('Mật khẩu').count()).toBe(1);

    await page.getByTestId('login-username').fill(auditor.username);
    await page.getByTestId('login-password').fill('mat khau sai 123');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Sai tên đăng nhập hoặc mật khẩu.');
    expect(await error.getAttribute('data-kind')).toBe('wrong');

    await page.getByTestId('login-password').fill(auditor.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/kiem-toan$/);
    expect((await page.getByTestId('account-user').textContent())?.trim()).toBe('kiem-toan · Kiểm toán viên');

    await page.getByTestId('close-period').fill(PERIOD);
    await page.getByTestId('close-run').click();
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('close-done').waitFor();
    await c.screenshot(page, 'login-auditor-closed');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.getByTestId('nav-login').waitFor();
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()) as AuthMeDto);
    expect(me).toEqual({ user: null, readsPublic: false });
    expect(c.errorsOf(page)).toEqual([]);

    // The month was closed by the signed-in auditor, as the snapshot records.
    const reader = await signIn(c.consoleUrl, auditor);
    const snapshot = (await (await reader.fetch(`/api/v1/periods/${PERIOD}/snapshot`)).json()) as PeriodSnapshotDto;
    expect(snapshot.closedBy).toBe('kiem-toan');
  });

  it('shows no verify or close to a national viewer, and the API refuses the close with 403', async () => {
    const page = await c.newPage();
    await c.signIn(page, await c.createAccount('bo-noi-vu', 'national'));
    expect((await page.getByTestId('account-user').textContent())?.trim()).toBe('bo-noi-vu · Cấp trung ương');
    await page.goto(`${c.consoleUrl}/kiem-toan`);
    await page.getByTestId('audit-auditor-only').waitFor();
    expect(await page.getByTestId('close-run').count()).toBe(0);
    expect(await page.getByTestId('verify-run').count()).toBe(0);
    const refused = await pagePost(page, '/api/v1/periods/2025-04/close', true);
    expect(refused).toEqual({ status: 403, reason: 'this needs the role auditor; bo-noi-vu is national' });
    expect(c.errorsOf(page)).toEqual([]);
  });

  it("takes a unit viewer to its own unit's page, and the API keeps it to its subtree", async () => {
    const page = await c.newPage();
    await c.signIn(page, await c.createAccount('so-tu-phap', 'unit', 'HY-STP'));
    await page.waitForURL(/\/don-vi\/HY-STP$/);
    const other = await page.evaluate(async (period) => (await fetch(`/api/v1/units/HY-SXD/scores?period=${period}`)).status, PERIOD);
    expect(other).toBe(403);
    const own = await page.evaluate(async (period) => (await fetch(`/api/v1/units/HY-STP/scores?period=${period}`)).status, PERIOD);
    expect(own).toBe(200);
  });

  it("refuses a POST without the CSRF header, and a cross-site form post never carries the auditor's session", async () => {
    const page = await c.newPage();
    await c.signIn(page, await c.createAccount('kiem-toan-2', 'auditor'));
    const noHeader = await pagePost(page, '/api/v1/periods/2025-04/close', false);
    expect(noHeader.status).toBe(403);
    expect(noHeader.reason).toMatch(/^CSRF check failed: the x-csrf-token header is missing/);

    // Another site's page, in the same browser where the auditor is signed in, posts a form to close a month.
    const attacker = await page.context().newPage();
    await attacker.setContent(`<form id="f" method="POST" action="${c.consoleUrl}/api/v1/periods/2025-04/close"><input name="x" value="1"></form>`);
    const [answer] = await Promise.all([attacker.waitForResponse((r) => r.url().endsWith('/api/v1/periods/2025-04/close')), attacker.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
    expect(answer.status()).toBe(403);
    expect(((await answer.json()) as { reason: string }).reason).toMatch(/^CSRF check failed/);
    const snapshot = await c.api(`/api/v1/periods/2025-04/snapshot`);
    expect(snapshot.status).toBe(404);
  });
});
