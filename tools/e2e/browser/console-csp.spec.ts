import { waitFor } from '@idx/testing';
import { type ConsolePlatform, startConsolePlatform } from './browser-harness';
import { PERIOD, seedMarch } from './console-fixtures';

describe('console in Chromium under the Content-Security-Policy (issue 8 §6)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  it('loads, styles and goes live with no CSP violation, while an injected inline script is refused', async () => {
    const page = await c.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    const response = await page.goto(`${c.consoleUrl}/?ky=${PERIOD}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    await page.locator('[data-testid="ranking-row"]').first().waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    // The build's inline script (allowed by its hash) switched the full stylesheet on.
    expect(await page.locator('link[rel="stylesheet"]').first().getAttribute('media')).toBe('all');
    expect(violations).toEqual([]);
    expect(c.errorsOf(page)).toEqual([]);

    // Script injected into the page (as an XSS would) does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.appendChild(s);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await waitFor(() => violations.some((v) => v.startsWith('script-src')), { what: 'the injected script to be reported as a CSP violation' });
  });
});
