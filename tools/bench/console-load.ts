import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { arg, benchDatabase, machineLine, textArg } from './bench-support';
import { HEAVY_MONTH, loadHeavyUnitMonth, startReportingOn } from './heavy-unit-month';

/**
 * The console's cold load (issue 10 §3: first meaningful paint < 1.5 s).
 *   npm run bench -- console-load [--dossiers=20000] [--others=200] [--rounds=5] [--throttle=both|off|1.6]
 *                                 [--before=dist/console-before] [--pages=ranking,unit,explain] [--waterfall]
 * Builds a month of data (one heavy unit, `others` dossiers for each other reference unit), starts
 * reporting serving the built console (dist/apps/web/browser: `npx nx run web:build`), and opens the
 * ranking and a unit page in a fresh Chromium context with the cache disabled, on the machine's
 * network and throttled to 1.6 Mbps down / 750 kbps up with 40 ms latency (CDP). Prints first
 * contentful paint, when the numbers show, and the bytes on the wire against the bytes decoded.
 * `--before=DIR` serves an older build of the console too (a second reporting on the same database)
 * and interleaves its loads with the current build's, round by round, so both meet the same machine
 * load; each line then carries the after/before ratio. `--waterfall` prints the requests of each
 * page's last load (start → end, ms since navigation start): where a cold load waits. Each line also
 * gives the CPU the page's renderer and the reporting servers (this process) used until the numbers
 * showed: what the page and the server had to compute, which moves less with the machine's load than
 * the times do (though contention still inflates it). A load that never shows its numbers is
 * reported with the requests still pending, and the rounds go on.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Load {
  readonly fcp: number;
  readonly numbers: number;
  readonly wireBytes: number;
  readonly decodedBytes: number;
  readonly requests: number;
  readonly waterfall: readonly string[];
  /** CPU the page's renderer used from navigation until the numbers were found, ms (all its threads). */
  readonly rendererCpu: number;
  /** CPU this process (the reporting servers) used meanwhile, ms. */
  readonly serverCpu: number;
}

/** CPU seconds of each renderer process (CDP SystemInfo), by process id. */
async function rendererCpuTimes(browserCdp: CDPSession): Promise<Map<number, number>> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

/** When the first element matching the selector was added, in ms since navigation start (recorded in the page). */
const WATCH = (selector: string) => `
  (() => {
    const seen = () => { if (!window.__numbersAt && document.querySelector(${JSON.stringify(selector)})) window.__numbersAt = performance.now(); };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  })();`;

async function coldLoad(browser: Browser, browserCdp: CDPSession, url: string, selector: string, throttleMbps: number | undefined): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH(selector));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttleMbps) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 40, downloadThroughput: (throttleMbps * 1e6) / 8, uploadThroughput: 750e3 / 8,
      });
    }
    let wireBytes = 0, decodedBytes = 0, requests = 0;
    cdp.on('Network.dataReceived', (e: { dataLength: number }) => { decodedBytes += e.dataLength; });
    const pending = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => void pending.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFailed', (e: { requestId: string }) => void pending.delete(e.requestId));
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      pending.delete(e.requestId);
      wireBytes += e.encodedDataLength;
      requests += 1;
    });
    const cpuBefore = await rendererCpuTimes(browserCdp);
    const serverBefore = process.cpuUsage();
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
    } catch (error) {
      // Say what the page was still waiting for (a stalled load is a finding, not a crash of the bench).
      throw new Error(`${url}: ${selector} not shown after 60 s; still pending: ${[...pending.values()].join(', ') || 'nothing'}`, { cause: error });
    }
    const server = process.cpuUsage(serverBefore);
    const cpuAfter = await rendererCpuTimes(browserCdp);
    // What the page and the server had to compute (wall time also counts waiting for a core).
    const rendererCpu = [...cpuAfter].reduce((sum, [id, seconds]) => sum + (seconds - (cpuBefore.get(id) ?? 0)), 0) * 1000;
    const serverCpu = (server.user + server.system) / 1000;
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      numbers: (window as unknown as { __numbersAt?: number }).__numbersAt ?? performance.now(),
      waterfall: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => `${r.startTime.toFixed(0).padStart(5)} → ${r.responseEnd.toFixed(0).padStart(5)} ms  ${r.name.replace(location.origin, '')}`,
      ),
    }));
    return { ...timing, wireBytes, decodedBytes, requests, rendererCpu, serverCpu };
  } finally {
    await context.close();
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load1 = () => loadavg()[0]?.toFixed(2) ?? '?';

interface Build { readonly name: string; readonly url: string }

async function main(): Promise<void> {
  const dossiers = arg('dossiers', 20_000);
  const others = arg('others', 200);
  const rounds = arg('rounds', 5);
  const throttle = textArg('throttle') ?? 'both';
  const beforeArg = textArg('before');
  const beforeDir = beforeArg ? resolve(beforeArg) : undefined;
  const pageNames = (textArg('pages') ?? 'ranking,unit,explain').split(',');
  const waterfall = process.argv.includes('--waterfall');
  const webDir = join(workspaceRoot(), 'dist', 'apps', 'web', 'browser');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`the console is not built (${webDir}): run npx nx run web:build first`);
  if (beforeDir && !existsSync(join(beforeDir, 'index.html'))) throw new Error(`--before=${beforeDir} holds no built console (index.html)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  console.log(machineLine());
  console.log(`console-load: ${dossiers} dossiers of one unit and ${others} of each other unit in ${HEAVY_MONTH}; ${rounds} cold loads per page, network${beforeDir ? ' and build (interleaved)' : ''}`);
  const db = await benchDatabase();
  const { unit } = await loadHeavyUnitMonth(db.url, dossiers, others);
  const reporting = await startReportingOn(db.url, webDir);
  // A second reporting on the same database serves the older build: same API, same data, same machine.
  const before = beforeDir ? await startReportingOn(db.url, beforeDir) : null;
  const builds: Build[] = [{ name: 'after', url: reporting.url }, ...(before ? [{ name: 'before', url: before.url }] : [])];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const browserCdp = await browser.newBrowserCDPSession();
  const networks: (number | undefined)[] = throttle === 'off' ? [undefined] : throttle === 'both' ? [undefined, 1.6] : [Number(throttle)];
  const pages = [
    { key: 'ranking', name: 'ranking', path: `/xep-hang?ky=${HEAVY_MONTH}`, selector: '[data-testid="ranking-row"]' },
    { key: 'unit', name: `unit page (${unit.code})`, path: `/don-vi/${unit.code}?ky=${HEAVY_MONTH}`, selector: '[data-testid="unit-total-score"]' },
    { key: 'explain', name: `explain, criterion 5 (${unit.code})`, path: `/don-vi/${unit.code}/tieu-chi/5?ky=${HEAVY_MONTH}`, selector: '[data-testid="explain-item"]' },
  ].filter((p) => pageNames.includes(p.key));
  try {
    // One load first: the server's caches (and the explain list) are built once, as after any first reader.
    for (const b of builds) for (const p of pages) await coldLoad(browser, browserCdp, b.url + p.path, p.selector, undefined);
    for (const mbps of networks) {
      const network = mbps ? `${mbps} Mbps` : 'unthrottled';
      for (const p of pages) {
        const loads = new Map<string, Load[]>(builds.map((b) => [b.name, []]));
        const stalled = new Map<string, number>(builds.map((b) => [b.name, 0]));
        const loadAverages: string[] = [];
        for (let r = 0; r < rounds; r++) {
          // Alternate which build goes first, so neither always meets a warmer (or busier) moment.
          for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
            try {
              loads.get(b.name)?.push(await coldLoad(browser, browserCdp, b.url + p.path, p.selector, mbps));
            } catch (error) {
              stalled.set(b.name, (stalled.get(b.name) ?? 0) + 1);
              console.log(`\n  [${b.name}] ${(error as Error).message}`);
            }
          }
          loadAverages.push(load1());
          process.stdout.write(`\r  ${p.name}, ${network}: ${r + 1}/${rounds}   `);
        }
        process.stdout.write('\n');
        const numbersOf = (name: string) => median((loads.get(name) ?? []).map((l) => l.numbers));
        for (const b of builds) {
          const all = loads.get(b.name) ?? [];
          const last = all[all.length - 1];
          const ratio = before && b.name === 'after' ? `; ${(numbersOf('after') / numbersOf('before')).toFixed(2)}× the before build's` : '';
          console.log(
            `RESULT console-load ${builds.length > 1 ? `[${b.name}] ` : ''}${p.name}, ${network}: first contentful paint ${median(all.map((l) => l.fcp)).toFixed(0)} ms, ` +
              `numbers shown ${numbersOf(b.name).toFixed(0)} ms (median of ${all.length}${stalled.get(b.name) ? `, ${stalled.get(b.name)} stalled past 60 s` : ''}; aim < 1500 ms${ratio}), ` +
              `renderer CPU ${median(all.map((l) => l.rendererCpu)).toFixed(0)} ms, server CPU ${median(all.map((l) => l.serverCpu)).toFixed(0)} ms, ` +
              `${last?.requests ?? 0} requests, ${((last?.wireBytes ?? 0) / 1024).toFixed(0)} kB on the wire for ${((last?.decodedBytes ?? 0) / 1024).toFixed(0)} kB decoded; ` +
              `load average ${loadAverages.join(' ')}`,
          );
          if (waterfall && last) console.log(last.waterfall.map((line) => `      ${line}`).join('\n'));
        }
      }
    }
  } finally {
    await browser.close();
    await reporting.app.close();
    await before?.app.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
