import { type DomainEvent, foldUnitTree, nationalUnitEvents, streamIdOf, treeAt, type UnitSnapshot } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, START } from '@idx/event-store';
import { createReadModelClient, migrateDatabase } from '@idx/read-models';
import { PeriodScores, loadUnitTree } from '@idx/score-queries';
import { ProjectionRebuild, ScoringProjector } from '@idx/scoring-projection';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startReporting } from '../../apps/reporting/src/bootstrap';
import { type DemoUnit, profileOf } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { benchDatabase, machineLine, progress } from './bench-support';

/**
 * Reads at national scale, through reporting's real HTTP API (docs/reads.md):
 *   npm run bench -- reads
 * loads the whole country's units (the committed registry, ~28,000 unit events: 34 provinces and
 * ~3,300 communes after the 2025 reform, 63 provinces with their districts and communes before,
 * departments), a national month (dossiers in every province, department and commune) and one
 * province-month over 164 units, all through the event store and the scoring projector's catch-up;
 * then times many requests of one unit's scores, a province's commune ranking, the national ranking
 * and a quarter's national ranking, and prints p50/p95/p99 against the aims (ISSUE-10 item 3).
 *
 * Size (env): READS_PROVINCE_DOSSIERS (default 20000; the real Phú Thọ September 2026 is 185000),
 * READS_NATIONAL_DOSSIERS_PER_UNIT (default 1), READS_REQUESTS per case (default 200),
 * READS_PROVINCE (default: the province named Phú Thọ), READS_MONTH (default 2026-09),
 * READS_LOAD (rebuild, default: the projection rebuild; catch-up: the projector's batches, then its flush).
 */
const env = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
const PROVINCE_DOSSIERS = env('READS_PROVINCE_DOSSIERS', 20_000);
const PER_UNIT = env('READS_NATIONAL_DOSSIERS_PER_UNIT', 1);
const REQUESTS = env('READS_REQUESTS', 200);
const MONTH = process.env['READS_MONTH'] ?? '2026-09';
/** How the read models are built from the store: `rebuild` (default) or `catch-up` (the projector's batches). */
const LOAD = process.env['READS_LOAD'] === 'catch-up' ? 'catch-up' : 'rebuild';
const PROVINCE_UNITS = 164;
const DAY = 86_400_000;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

async function main(): Promise<void> {
  console.log(machineLine());
  const monthStart = Date.parse(`${MONTH}-01T00:00:00+07:00`);
  const mid = monthStart + 14 * DAY;
  const unitEvents = nationalUnitEvents();
  const country = treeAt(foldUnitTree(unitEvents), mid);
  const provinceCode = process.env['READS_PROVINCE'] ?? country.find((u) => u.level === 'province' && u.name.includes('Phú Thọ'))?.code;
  const province = country.find((u) => u.code === provinceCode && u.level === 'province');
  if (!province) throw new Error(`no province ${provinceCode} in ${MONTH}`);
  const profile = (u: UnitSnapshot): DemoUnit => profileOf(u.code, u.name, u.level ?? 'commune', u.parentCode);
  const inProvince = country.filter((u) => u.code !== province.code && u.parentCode === province.code);
  const heavy = [province, ...inProvince.filter((u) => u.level === 'department'), ...inProvince.filter((u) => u.level !== 'department')].slice(0, PROVINCE_UNITS).map(profile);
  const count = (level: string) => country.filter((u) => u.level === level).length;
  console.log(`reads: ${unitEvents.length} unit events (in ${MONTH}: ${count('province')} provinces, ${count('department')} departments, ${count('district')} districts, ${count('commune')} communes)`);
  console.log(`       national month ${MONTH}: ${PER_UNIT} dossier(s) per unit; ${province.name} (${province.code}): ${PROVINCE_DOSSIERS} dossiers over ${heavy.length} units`);

  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  await migrateDatabase(pool);
  const store = new PostgresEventStore(pool);
  const gen = new DossierGenerator();
  const now = Date.now();
  let appended = 0;
  const loadStarted = Date.now();
  const append = async (events: readonly DomainEvent[]): Promise<void> => {
    for (let i = 0; i < events.length; i += 5000) {
      const slice = events.slice(i, i + 5000);
      await store.appendMany(slice.map((event) => ({ streamId: streamIdOf(event), event })));
      appended += slice.length;
    }
  };
  await append(unitEvents);
  const dossiersOf = (unit: DemoUnit, n: number): DomainEvent[] => {
    const out: DomainEvent[] = [];
    for (let i = 0; i < n; i++) out.push(...gen.dossier(unit, monthStart + Math.random() * 27 * DAY, (1 + Math.random() * 9) * DAY, now, 'b').due);
    return out;
  };
  const everyone = country.map(profile);
  for (let i = 0; i < everyone.length; i += 200) {
    await append(everyone.slice(i, i + 200).flatMap((u) => dossiersOf(u, PER_UNIT)));
    progress('loading the national month (units)', i + Math.min(200, everyone.length - i), everyone.length, loadStarted);
  }
  const heavyStarted = Date.now();
  for (let done = 0; done < PROVINCE_DOSSIERS;) {
    const n = Math.min(2000, PROVINCE_DOSSIERS - done);
    const batch: DomainEvent[] = [];
    for (let i = 0; i < n; i++) batch.push(...dossiersOf(heavy[(done + i) % heavy.length], 1));
    await append(batch);
    done += n;
    progress(`loading ${province.code}'s month (dossiers)`, done, PROVINCE_DOSSIERS, heavyStarted);
  }
  console.log(`  ${appended} events in the store (${((Date.now() - loadStarted) / 1000).toFixed(0)} s)`);

  const prisma = createReadModelClient(db.url, 4);
  const projectStarted = Date.now();
  if (LOAD === 'catch-up') {
    // The scoring service's catch-up: deferred recomputes, then flushed. Its flush is one
    // transaction over every unit-period (ISSUE-10 item 4, another slice): on a loaded machine it
    // can pass the projector's 300 s transaction limit at this size, hence the rebuild by default.
    const projector = new ScoringProjector(prisma);
    let checkpoint: Checkpoint = START;
    let projected = 0;
    for (;;) {
      const batch = await store.readAll(checkpoint, 5000);
      if (batch.events.length === 0) break;
      await projector.handle(batch, { deferRecompute: true });
      checkpoint = batch.checkpoint;
      projected += batch.events.length;
      progress('scoring catch-up (fold)', projected, appended, projectStarted);
    }
    await projector.flushPending();
  } else {
    // `npm run rebuild`'s path: the same fold and finishScore, written in bulk.
    await new ProjectionRebuild(pool, store).run((stage, done) => {
      if (stage === 'fold') progress('scoring rebuild (fold)', done, appended, projectStarted);
    });
  }
  console.log(`  scoring (${LOAD}): ${((Date.now() - projectStarted) / 1000).toFixed(0)} s; ${await prisma.finishedScore.count()} finished unit-periods`);

  Object.assign(process.env, {
    DATABASE_URL: db.url, REPORTING_PORT: '0', LOG_LEVELS: 'error,warn', READS_PUBLIC: 'true', WEB_DIST_DIR: '/nonexistent',
    RATE_LIMIT_MAX: '100000000', RATE_LIMIT_IP_MAX: '100000000', LOG_SEAL_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'qd766-seal-')), 'log-seal.ed25519.pem'),
  });
  const reporting = await startReporting();
  const { port } = reporting.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const communes = heavy.filter((u) => u.level === 'commune');
  const nationalCommunes = everyone.filter((u) => u.level === 'commune');
  const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length];
  const cases: { name: string; aimMs: number | null; url: (i: number) => string }[] = [
    { name: `one unit's scores (a commune of ${province.code} or of the country)`, aimMs: 50, url: (i) => `/api/v1/units/${encodeURIComponent((i % 2 ? pick(communes, i) : pick(nationalCommunes, i)).code)}/scores?period=${MONTH}` },
    { name: `${province.code}'s commune ranking`, aimMs: 150, url: () => `/api/v1/rankings?period=${MONTH}&level=commune&parent=${province.code}` },
    { name: `${province.code}'s commune ranking sorted by a group`, aimMs: 150, url: () => `/api/v1/rankings?period=${MONTH}&level=commune&parent=${province.code}&sort=progress` },
    { name: 'the national ranking (provinces)', aimMs: 100, url: () => `/api/v1/rankings?period=${MONTH}&level=province` },
    { name: `the national ranking of ${quarterOf(MONTH)}`, aimMs: null, url: () => `/api/v1/rankings?period=${quarterOf(MONTH)}&level=province` },
  ];
  const results: string[] = [];
  for (const c of cases) {
    for (let i = 0; i < 5; i++) await get(base + c.url(i)); // warm-up (and the first read of the unit tree)
    const times: number[] = [];
    let bytes = 0;
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      bytes += await get(base + c.url(i));
      times.push(performance.now() - t);
      if (i % 20 === 19 || i === REQUESTS - 1) progress(c.name, i + 1, REQUESTS, started);
    }
    times.sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
    results.push(`RESULT ${c.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${REQUESTS} requests, ${Math.round(bytes / REQUESTS / 1024)} kB each`
      + (c.aimMs === null ? '' : ` (aim p99 < ${c.aimMs} ms: ${p99 < c.aimMs ? 'met' : 'NOT met'})`));
  }

  // The previous build read the whole tree and every finished row of the period on each request,
  // before its per-unit tree walks; timing that read alone gives a lower bound of its cost per request.
  const previous: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await PeriodScores.load(prisma, MONTH, Date.now(), await loadUnitTree(prisma));
    previous.push(performance.now() - t);
  }
  previous.sort((a, b) => a - b);
  // The floor under this machine's load: one trivial round trip to PostgreSQL from this process.
  const floor: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await prisma.$queryRawUnsafe('SELECT 1');
    floor.push(performance.now() - t);
  }
  floor.sort((a, b) => a - b);
  await reporting.close();
  await prisma.$disconnect();
  await pool.end();
  await db.stop();
  console.log(machineLine());
  for (const line of results) console.log(line);
  console.log(`RESULT floor: one \`SELECT 1\` round trip p50 ${percentile(floor, 50).toFixed(1)} ms, p99 ${percentile(floor, 99).toFixed(1)} ms (each answer above costs one such trip to the read models, plus HTTP)`);
  console.log(`RESULT previous path's whole-period read alone (tree + every finished row of ${MONTH}, per request before its per-unit walks): median ${percentile(previous, 50).toFixed(0)} ms over 5`);
  console.log('BASELINE (ISSUE-10, previous build, 3,774 units and 1.5M events): national ranking 26–42 s, a province\'s commune ranking 38–46 s, a quarter\'s ranking 28–33 s, one commune\'s scores 1.3–1.5 s');
}

async function get(url: string): Promise<number> {
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return body.byteLength;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
