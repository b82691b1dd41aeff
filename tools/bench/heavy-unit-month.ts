import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { RebuildState, recomputeUnitPeriods, saveSubjects } from '@idx/scoring-projection';
import { dossierEvents, unitRegistered } from '@idx/testing';
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { createReportingApp } from '../../apps/reporting/src/bootstrap';
import { DEMO_UNITS, type DemoUnit } from '../simulator/demo-units';
import { progress } from './bench-support';

/** The month the reads benchmarks load: closed, so its figures are judged at its end and do not drift. */
export const HEAVY_MONTH = '2025-03';

/** The unit that gets the whole month: the first department of the reference units (a heavy unit-month, as Phú Thọ's 184,513 dossiers). */
export function heavyUnit(): DemoUnit {
  const unit = DEMO_UNITS.find((u) => u.level === 'department');
  if (!unit) throw new Error('the reference units hold no department');
  return unit;
}

const localIso = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);

const MONTH_START = Date.parse(`${HEAVY_MONTH}-01T00:00:00+07:00`);

/**
 * Folds dossier `i` of `code` into `state` at the next two positions: received over the month, due 3
 * days later, processed 0–3.6 days after receipt (~15 % late). Answers the last position used.
 */
function foldDossier(state: RebuildState, code: string, i: number, position: bigint): bigint {
  const received = MONTH_START + Math.floor(Math.random() * 27 * 86_400_000);
  const d = dossierEvents(code, `${code}-${HEAVY_MONTH}-${String(i).padStart(6, '0')}`);
  state.apply(d.received(localIso(received), localIso(received + 3 * 86_400_000), i % 3 === 0 ? 'online' : 'in-person'), position + 1n);
  state.apply(d.processed(localIso(received + Math.floor(Math.random() * 3.6 * 86_400_000))), position + 2n);
  return position + 2n;
}

/**
 * Every reference unit registered and `dossiers` dossiers of one unit (`othersEach` of every other
 * unit, so a ranking has rows) received over the month, due 3
 * days later and processed 0–3.6 days after receipt (~15 % late, as the portal's on-time rates), then
 * folded and scored by the projection's own code (RebuildState's fold, saveSubjects,
 * recomputeUnitPeriods) straight into the read models: what the reads see after `npm run rebuild`, in
 * seconds instead of the event store's append time (the reads never touch the store). Progress on stdout.
 */
export async function loadHeavyUnitMonth(dbUrl: string, dossiers: number, othersEach = 0): Promise<{ unit: DemoUnit; events: number; position: bigint }> {
  const pool = new Pool({ connectionString: dbUrl, max: 2 });
  await migrateDatabase(pool).finally(() => pool.end());
  const prisma = createReadModelClient(dbUrl, 2);
  try {
    const unit = heavyUnit();
    const state = new RebuildState();
    let position = 0n;
    for (const u of DEMO_UNITS) state.apply(unitRegistered(u.code, u.name, u.level, u.parentCode), ++position);
    const started = Date.now();
    const fold = (code: string, i: number) => {
      position = foldDossier(state, code, i, position);
    };
    for (let i = 0; i < dossiers; i++) {
      fold(unit.code, i);
      if (i % 5000 === 4999 || i === dossiers - 1) progress(`folding ${dossiers} dossiers of ${unit.code}`, i + 1, dossiers, started);
    }
    const others = othersEach > 0 ? DEMO_UNITS.filter((u) => u.code !== unit.code) : [];
    for (const other of others) for (let i = 0; i < othersEach; i++) fold(other.code, i);
    const records = state.subjectRecords();
    const writeStarted = Date.now();
    for (let from = 0; from < records.length; from += 5000) {
      await prisma.$transaction((tx) => saveSubjects(tx, records.slice(from, from + 5000)), { timeout: 600_000, maxWait: 60_000 });
      progress('writing subject_facts', Math.min(from + 5000, records.length), records.length, writeStarted);
    }
    const keys = [unit, ...others].map((u) => ({ unitCode: u.code, period: HEAVY_MONTH }));
    await prisma.$transaction((tx) => recomputeUnitPeriods(tx, keys, position, Date.now(), { rebase: true }), { timeout: 600_000, maxWait: 60_000 });
    await prisma.$executeRawUnsafe('ANALYZE');
    console.log(`  read models written in ${((Date.now() - writeStarted) / 1000).toFixed(1)} s (${records.length} subjects)`);
    return { unit, events: Number(position), position };
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A live unit's next events: `count` new dossiers of `unitCode` (numbered from `first`) folded and
 * their subjects written after `position`, as the projector writes them (saveSubjects; the score is
 * not recomputed). Answers the last position written.
 */
export async function writeLiveDossiers(prisma: ReadModelClient, unitCode: string, first: number, count: number, position: bigint): Promise<bigint> {
  const state = new RebuildState();
  let at = position;
  for (let i = first; i < first + count; i++) at = foldDossier(state, unitCode, i, at);
  await prisma.$transaction((tx) => saveSubjects(tx, state.subjectRecords().filter((r) => r.kind === 'dossier')));
  return at;
}

/** The projector's recompute of one unit-month after live changes (what the score shows). */
export async function recomputeHeavyUnit(prisma: ReadModelClient, unitCode: string, position: bigint): Promise<void> {
  await prisma.$transaction((tx) => recomputeUnitPeriods(tx, [{ unitCode, period: HEAVY_MONTH }], position, Date.now(), { rebase: true }), { timeout: 600_000, maxWait: 60_000 });
}

/** Reporting alone on the database, as `npm start` runs it, on a free port; `webDir` serves a built console. */
export async function startReportingOn(dbUrl: string, webDir?: string): Promise<{ url: string; app: INestApplication }> {
  Object.assign(process.env, {
    DATABASE_URL: dbUrl, REPORTING_PORT: '0', READS_PUBLIC: 'true', LOG_LEVELS: 'error,warn', WEB_DIST_DIR: webDir ?? '/nonexistent',
    // Benchmarks fire hundreds of reads from one address.
    RATE_LIMIT_IP_MAX: process.env['RATE_LIMIT_IP_MAX'] ?? '1000000', RATE_LIMIT_MAX: process.env['RATE_LIMIT_MAX'] ?? '1000000',
  });
  const app = await createReportingApp();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, app };
}
