import { gzipSync } from 'node:zlib';
import type { ExplainDto } from '@idx/contracts';
import { arg, benchDatabase, machineLine } from './bench-support';
import { percentile } from './cpu-meter';
import { HEAVY_MONTH, loadHeavyUnitMonth, startReportingOn } from './heavy-unit-month';

/**
 * Explain's first page at one heavy unit-month (docs/explain-paging.md).
 *   npm run bench -- explain [--dossiers=185000] [--requests=200] [--criterion=5]
 * Loads `dossiers` dossiers of one department in one month (Phú Thọ's September 2026 counts 184,513
 * received), builds the read models, starts reporting and times over HTTP: the first request (which
 * builds the explanation), then `requests` first pages, pages further on with the cursor and first
 * pages of those that cost points. Aim (issue 10): first page < 200 ms.
 */
async function main(): Promise<void> {
  const dossiers = arg('dossiers', 185_000);
  const requests = arg('requests', 200);
  const criterion = arg('criterion', 5);
  console.log(machineLine());
  console.log(`explain: ${dossiers} dossiers of one unit in ${HEAVY_MONTH}, criterion ${criterion}, ${requests} requests per kind`);
  const db = await benchDatabase();
  const { unit } = await loadHeavyUnitMonth(db.url, dossiers);
  const reporting = await startReportingOn(db.url);
  const path = (extra = '') => `${reporting.url}/api/v1/units/${unit.code}/explain?period=${HEAVY_MONTH}&criterion=${criterion}${extra}`;
  const timed = async (url: string): Promise<{ ms: number; body: ExplainDto; bytes: number; gzipBytes: number }> => {
    const started = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
    return { ms, body: JSON.parse(text) as ExplainDto, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
  };
  const series = async (label: string, urlOf: (i: number) => string): Promise<void> => {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      times.push((await timed(urlOf(i))).ms);
      if (i % 20 === 19 || i === requests - 1) process.stdout.write(`\r  ${label}: ${i + 1}/${requests}   `);
    }
    process.stdout.write('\n');
    console.log(`RESULT explain ${label}: p50 = ${percentile(times, 50).toFixed(1)} ms, p95 = ${percentile(times, 95).toFixed(1)} ms, p99 = ${percentile(times, 99).toFixed(1)} ms, max = ${Math.max(...times).toFixed(1)} ms (aim < 200 ms)`);
  };
  try {
    const cold = await timed(path());
    const { totals } = cold.body;
    console.log(`RESULT explain first request (builds the list of ${totals.items} subjects, ${totals.costsPoints} cost points): ${cold.ms.toFixed(0)} ms`);
    const perItem = cold.bytes / Math.max(1, cold.body.items.length);
    console.log(
      `RESULT explain data: first page ${cold.body.items.length} items = ${(cold.bytes / 1024).toFixed(1)} kB (${(cold.gzipBytes / 1024).toFixed(1)} kB gzip); ` +
        `the whole list unpaged would be ≈ ${((perItem * totals.items) / 2 ** 20).toFixed(1)} MB`,
    );
    await series('first page (list built)', () => path());
    // Cursors deep into the list: every 50th page of a walk with size=200.
    const cursors: string[] = [];
    let next: string | null = cold.body.page.next;
    for (let page = 0; next && cursors.length < requests; page++) {
      const walked = await timed(path(`&size=200&cursor=${next}`));
      if (page % 5 === 0) cursors.push(next);
      next = walked.body.page.next;
    }
    await series(`page further on with the cursor (${cursors.length} cursors)`, (i) => path(`&cursor=${cursors[i % cursors.length]}`));
    await series('first page of those that cost points', () => path('&category=costs-points'));
  } finally {
    await reporting.app.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
