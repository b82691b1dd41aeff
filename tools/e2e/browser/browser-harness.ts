import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestResponseDto } from '@idx/contracts';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { ConsoleRole } from '@idx/contracts';
import { type ConsoleAccount, ConsoleClient, createConsoleAccount, signIn } from '../console-session';
import { type RunningPlatform, startPlatform } from '../platform-harness';

const ROOT = join(__dirname, '..', '..', '..');
/** The production build `npm test` makes before Jest (nx run-many -t build). */
export const WEB_DIST_DIR = join(ROOT, 'dist', 'apps', 'web', 'browser');
/** Kept after the run for a person to look at (gitignored). */
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots');

/** DESIGN.md §6: Debian's Chromium driven by playwright-core (no downloaded browser). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ConsolePlatform {
  readonly platform: RunningPlatform;
  /** Origin of a reporting app that serves the built console and the API, as `npm start` does. */
  readonly consoleUrl: string;
  readonly browser: Browser;
  /** Posts events to the ingest API as JSON; fails unless every one is accepted or a duplicate. */
  post(events: readonly object[]): Promise<IngestResponseDto>;
  /** GET on the reporting API (as a signed-in national reader when reads are not public). */
  api<T>(path: string): Promise<{ readonly status: number; readonly body: T }>;
  /** A fresh browser context (own localStorage) and page; uncaught errors and console errors are kept for `errorsOf`. */
  newPage(): Promise<Page>;
  errorsOf(page: Page): readonly string[];
  /** A console account made in the platform's database (as `npm run users -- create` does). */
  createAccount(username: string, role: ConsoleRole, unitCode?: string): Promise<ConsoleAccount>;
  /** Signs in through the console's login page and waits until the shell shows the user. */
  signIn(page: Page, account: ConsoleAccount): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  stop(): Promise<void>;
}

export function assertConsoleBuilt(): void {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(
      `The console is not built: ${join(WEB_DIST_DIR, 'index.html')} is missing. ` +
        'Build it first with `npx nx run web:build` (`npm test` builds every project before Jest).',
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); \`npm test\` does it when it runs as root.`);
  }
}

/**
 * The real platform (ingest, scoring, reporting on a fresh database, tools/e2e/platform-harness.ts),
 * its reporting app serving the built console and the API on one origin as `npm start` does, plus
 * the console in Chromium.
 */
export async function startConsolePlatform(options: { readsPublic?: boolean } = {}): Promise<ConsolePlatform> {
  assertConsoleBuilt();
  const platform = await startPlatform({ webDistDir: WEB_DIST_DIR, readsPublic: options.readsPublic });
  const contexts = new Set<BrowserContext>();
  const errors = new WeakMap<Page, string[]>();
  let browser: Browser | undefined;
  try {
    const consoleUrl = platform.reportingUrl;
    const reader = options.readsPublic === false
      ? await signIn(consoleUrl, await createConsoleAccount(platform.db.pool, 'e2e-reader', 'national'))
      : new ConsoleClient(consoleUrl);
    const launched = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    browser = launched;

    return {
      platform,
      consoleUrl,
      browser: launched,
      async post(events) {
        const res = await platform.postEvents(events);
        const answer = (await res.json()) as IngestResponseDto;
        if (res.status !== 200 || answer.rejected > 0) {
          throw new Error(`ingest refused events (HTTP ${res.status}): ${JSON.stringify(answer.results.filter((r) => r.status === 'rejected'))}`);
        }
        return answer;
      },
      async api<T>(path: string) {
        const res = await reader.fetch(path);
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text for the assertion message
        }
        return { status: res.status, body: body as T };
      },
      async newPage() {
        const context = await launched.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
        contexts.add(context);
        const page = await context.newPage();
        const pageErrors: string[] = [];
        errors.set(page, pageErrors);
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => {
          // An HTTP error status is logged by the browser as "Failed to load resource"; the pages
          // handle those (a 404 means "not closed", "unknown unit"), and tests assert them directly.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
        });
        return page;
      },
      errorsOf(page) {
        return errors.get(page) ?? [];
      },
      createAccount(username, role, unitCode) {
        return createConsoleAccount(platform.db.pool, username, role, unitCode);
      },
      async signIn(page, account) {
        await page.goto(`${consoleUrl}/dang-nhap`);
        await page.getByTestId('login-username').fill(account.username);
        await page.getByTestId('login-password').fill(account.password);
        await page.getByTestId('login-submit').click();
        await page.locator(`[data-testid="account-user"]`, { hasText: account.username }).waitFor();
      },
      async screenshot(page, name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      async stop() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await launched.close().catch(() => undefined);
        await platform.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await platform.stop();
    throw error;
  }
}

/** What the console prints for a number (DOMAIN §2: Vietnamese format, half-up like libs/domain). */
export function viNumber(value: number, decimals: number): string {
  const clean = Number(Math.abs(value).toPrecision(12));
  const rounded = Math.sign(value) * Number(`${Math.round(Number(`${clean}e${decimals}`))}e-${decimals}`);
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(rounded);
}

/** Clicks a download link of the console and returns the file: probed first, so a missing endpoint fails clearly rather than never completing. */
export async function downloadLink(page: Page, consoleUrl: string, testId: string): Promise<{ readonly name: string; readonly bytes: Buffer }> {
  const link = page.getByTestId(testId);
  const href = (await link.getAttribute('href')) ?? '';
  const probe = await fetch(`${consoleUrl}${href}`);
  if (probe.status !== 200) throw new Error(`GET ${href} answered HTTP ${probe.status}: ${await probe.text()}`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await file.failure();
  if (failure) throw new Error(`download of ${href} failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) };
}
