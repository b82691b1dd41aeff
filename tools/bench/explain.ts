import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { ExplainDto, UnitScoreDto } from '@idx/contracts';
import { CRITERION_READS } from '@idx/domain';
import { createReadModelClient } from '@idx/read-models';
import { type ExplainPhases, ExplainQueries } from '@idx/score-queries';
import { arg, benchDatabase, machineLine, textArg } from './bench-support';
import { percentile } from './cpu-meter';
import { profilePhase } from './phase-profile';
import { HEAVY_MONTH, loadHeavyUnitMonth, recomputeHeavyUnit, startReportingOn, writeLiveDossiers, writeProcedureChange } from './heavy-unit-month';

/**
 * Explain's first page at one heavy unit-month (docs/explain-paging.md).
 *   npm run bench -- explain [--dossiers=185000] [--requests=200] [--criterion=5] [--changed=1] [--procedures=N] [--cpu-prof=build.cpuprofile]
 * (--cpu-prof profiles the first request: the list built whole)
 * Loads `dossiers` dossiers of one department in one month (Phú Thọ's September 2026 counts 184,513
 * received), builds the read models, starts reporting and times over HTTP: the first request (which
 * builds the explanation whole), then `requests` first pages (answered from the build's memory while
 * its rows are stored), pages further on with the cursor, first pages once the rows are stored, first
 * pages of those that cost points, and first pages right after a live change (`changed` new dossiers
 * written to subject_facts after each, as the projector writes them): the list takes them in.
 * A criterion that reads procedures (the domain's CRITERION_READS: 1–3, 6, 7, 9, 10, 17 count them,
 * 12 and 13 judge dossiers by their procedure) gets a catalogue of `procedures` (default 300; 0 for
 * the others, whose figures so keep their meaning) with the dossiers spread over it, and one more
 * series: first pages right after a catalogue change of one procedure (for 12 and 13 its result
 * being a document, which judges all its dossiers again), written as the projector writes it.
 * Then the score is recomputed and the totals compared with the unit's score answer.
 * Aim (issue 10): first page < 200 ms. Every figure carries the 1-minute load average.
 */
async function main(): Promise<void> {
  const dossiers = arg('dossiers', 185_000);
  const requests = arg('requests', 200);
  const criterion = arg('criterion', 5);
  const changed = arg('changed', 1);
  const readsProcedures = CRITERION_READS[criterion]?.includes('procedure') ?? false;
  const procedures = arg('procedures', readsProcedures ? 300 : 0);
  const load = () => `load ${loadavg()[0]?.toFixed(2)}`;
  console.log(machineLine());
  const catalogueNote = procedures > 0 ? `, ${procedures} procedures` : '';
  console.log(`explain: ${dossiers} dossiers of one unit in ${HEAVY_MONTH}${catalogueNote}, criterion ${criterion}, ${requests} requests per kind`);
  const db = await benchDatabase();
  const { unit, position: loaded, catalogue } = await loadHeavyUnitMonth(db.url, dossiers, 0, { procedures });
  const reporting = await startReportingOn(db.url);
  // The server's own account of each request (explain-phases.ts): where the time went and how many statements.
  const phases: ExplainPhases[] = [];
  let lastPath: string | undefined;
  reporting.app.get(ExplainQueries).observePhases((p) => {
    phases.push(p);
    lastPath = p.path;
  });
  const writer = createReadModelClient(db.url, 2);
  const path = (extra = '') => `${reporting.url}/api/v1/units/${unit.code}/explain?period=${HEAVY_MONTH}&criterion=${criterion}${extra}`;
  const timed = async (url: string): Promise<{ ms: number; body: ExplainDto; bytes: number; gzipBytes: number }> => {
    const started = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
    return { ms, body: JSON.parse(text) as ExplainDto, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
  };
  const series = async (label: string, urlOf: (i: number) => string, before?: (i: number) => Promise<void>): Promise<ExplainDto | undefined> => {
    const times: number[] = [];
    const observed: ExplainPhases[] = [];
    let last: ExplainDto | undefined;
    for (let i = 0; i < requests; i++) {
      await before?.(i);
      const mark = phases.length; // the requests of `before` (settle) are not this series'
      const t = await timed(urlOf(i));
      observed.push(...phases.slice(mark));
      times.push(t.ms);
      last = t.body;
      if (i % 20 === 19 || i === requests - 1) process.stdout.write(`\r  ${label}: ${i + 1}/${requests}   `);
    }
    process.stdout.write('\n');
    console.log(`RESULT explain ${label}: p50 = ${percentile(times, 50).toFixed(1)} ms, p95 = ${percentile(times, 95).toFixed(1)} ms, p99 = ${percentile(times, 99).toFixed(1)} ms, max = ${Math.max(...times).toFixed(1)} ms (aim < 200 ms; ${load()})`);
    console.log(`  server side: ${phaseSummary(observed)}`);
    return last;
  };
  /**
   * Waits (untimed) until the list the last full build made is stored: until then every first page is
   * answered from the build's memory, the subjects as they were when it read them, so a change written
   * meanwhile would not be in the page timed "right after" it. A no-op unless the last request built
   * (criterion 5's changes are deltas). Its own requests are left out of the series' phases.
   */
  const storeWaits: number[] = [];
  const settle = async (): Promise<void> => {
    const started = performance.now();
    for (let waited = 0; lastPath === 'build' || lastPath === 'building'; waited += 250) {
      if (waited > 900_000) throw new Error('the list built whole was not stored within 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
      await timed(path());
    }
    if (performance.now() - started > 1) storeWaits.push(performance.now() - started);
  };
  /** How long lists built by a change series stayed answered from memory (without later changes) before stored. */
  const storedAfter = (label: string) => {
    if (storeWaits.length === 0) return;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`  ${label}: ${storeWaits.length} lists built whole, stored ${s(percentile(storeWaits, 50))} p50 / ${s(Math.max(...storeWaits))} max after the page (first pages meanwhile come from the build's memory)`);
    storeWaits.length = 0;
  };
  try {
    const cold = await profilePhase(textArg('cpu-prof'), () => timed(path()));
    const { totals } = cold.body;
    console.log(`RESULT explain first request (builds the list whole: ${totals.items} subjects, ${totals.costsPoints} cost points): ${cold.ms.toFixed(0)} ms (${load()})`);
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
    await series('first page, nothing changed (rows stored)', () => path());
    await series('first page of those that cost points', () => path('&category=costs-points'));
    // A live unit: before each first page, `changed` new dossiers reach subject_facts.
    let position = loaded;
    const before = (await timed(path())).body.totals;
    const live = await series(`first page right after a change (${changed} new dossier(s) each)`, () => path(), async (i) => {
      await settle();
      position = await writeLiveDossiers(writer, unit.code, dossiers + i * changed, changed, position, catalogue);
    });
    await settle();
    storedAfter('after the dossier changes');
    const grown = (live?.totals.items ?? 0) - before.items;
    // Criterion 5 lists every dossier processed in the month (every new one is); the others list some, or count procedures: their check is the totals against the score below.
    const listed = criterion === 5 ? ` (each listed: ${grown === requests * changed ? 'yes' : 'NO'})` : '';
    console.log(`RESULT explain live: the list grew by ${grown} items over ${requests * changed} new dossiers${listed}; the full build was ${(cold.ms / 1).toFixed(0)} ms`);
    if (catalogue && readsProcedures) {
      const touched: number[] = [];
      const procedureBefore = (await timed(path())).body.totals;
      const afterChanges = await series('first page right after a procedure change (1 procedure each)', () => path(), async (i) => {
        await settle();
        const change = await writeProcedureChange(writer, catalogue, criterion, i, position);
        position = change.position;
        touched.push(change.dossiers);
      });
      await settle();
      storedAfter('after the procedure changes');
      console.log(
        `RESULT explain procedure changes: ${touched.length} procedures changed, their dossiers p50 ${percentile(touched, 50)} / max ${Math.max(...touched)} ` +
          `(sum ${touched.reduce((a, b) => a + b, 0)}); totals ${JSON.stringify(procedureBefore)} → ${JSON.stringify(afterChanges?.totals)}`,
      );
    }
    const recomputeStarted = performance.now();
    await recomputeHeavyUnit(writer, unit.code, position);
    const recomputeMs = performance.now() - recomputeStarted;
    const after = await timed(path());
    const scores = (await (await fetch(`${reporting.url}/api/v1/units/${unit.code}/scores?period=${HEAVY_MONTH}`)).json()) as UnitScoreDto;
    const figure = scores.criteria?.find((c) => c.id === criterion);
    const same = figure?.numerator === after.body.totals.inNumerator && figure?.denominator === after.body.totals.inDenominator;
    console.log(
      `RESULT explain totals after the live changes ${JSON.stringify(after.body.totals)} vs the unit's score ${figure?.numerator}/${figure?.denominator} ` +
        `(recomputed by the projector's code in ${(recomputeMs / 1000).toFixed(1)} s): ${same ? 'equal' : 'DIFFERENT'}; first page ${after.ms.toFixed(1)} ms (${load()})`,
    );
  } finally {
    await writer.$disconnect();
    await reporting.app.close();
    await db.stop();
  }
}

/** p50/p99 of each phase that took time, the paths taken and the statements per request (explain-phases.ts). */
function phaseSummary(all: readonly ExplainPhases[]): string {
  if (all.length === 0) return 'no phases observed';
  const of = (pick: (p: ExplainPhases) => number) => all.map(pick);
  const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} / p99 ${percentile(xs, 99).toFixed(1)} ms`;
  const paths = new Map<string, number>();
  for (const p of all) paths.set(p.path, (paths.get(p.path) ?? 0) + 1);
  const parts = (['read', 'judge', 'write', 'page', 'build'] as const).filter((k) => all.some((p) => p[k] > 0)).map((k) => `${k} ${fmt(of((p) => p[k]))}`);
  const statements = of((p) => p.statements);
  return `total ${fmt(of((p) => p.total))}; ${parts.join('; ')}; paths ${[...paths].map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
    `statements per request ${Math.min(...statements)}–${Math.max(...statements)}; retries ${all.reduce((n, p) => n + p.retries, 0)}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
