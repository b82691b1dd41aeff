import { type DomainEvent, isOnlineAt, type OnlineServiceLevel, type ProcedureEventUnion } from '@idx/domain';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { RebuildState, recomputeUnitPeriods, saveSubjects } from '@idx/scoring-projection';
import { dossierEvents, procedureEvent, type ProcedureEventData, unitRegistered } from '@idx/testing';
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { createReportingApp } from '../../apps/reporting/src/bootstrap';
import { DEMO_UNITS, type DemoUnit } from '../simulator/demo-units';
import { seededRandom } from '../simulator/seeded';
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

/** One procedure of the heavy unit's catalogue (`procedures` option): its attributes as announced, and what its dossiers carry. */
export interface HeavyProcedure {
  readonly code: string;
  readonly online: OnlineServiceLevel;
  readonly feeBearing: boolean;
  /** Declared integrated for online payment; its fee dossiers are paid online (60 %) only then. */
  readonly paymentIntegrated: boolean;
  readonly citizenFacing: boolean;
  /** Connected to the population database: its dossiers use population data (70 %) only then. */
  readonly populationLinked: boolean;
  readonly resultIsDocument: boolean;
  /** Share of the unit's dossiers; 0 for a procedure that receives none in the month (a quarter of a real catalogue). */
  readonly weight: number;
}

const DAY = 86_400_000;

/** The catalogue's QĐCB: dated in January, so every procedure is under the unit's authority through the month. */
const DECISION_DATE = '2025-01-06';

/**
 * The heavy unit's procedures (criteria 1–3, 6, 7, 9, 10, 17 count them; 12 and 13 read their
 * resultIsDocument), seeded so every run builds the same catalogue. Realistic mixes, so each joined
 * criterion has subjects counted and not: ~55 % offered fully online and 20 % partly, 45 % fee-bearing
 * (65 % of them integrated for online payment), 80 % citizen-facing, 60 % connected to the population
 * database, 70 % with a document as result; a quarter receives no dossier in the month, the rest
 * share the dossiers skewed (Zipf, s = 1.3: the first takes ~30 %, the last a few dozen), as a
 * real catalogue where a few procedures (certified copies, civil status) take most.
 * Folded by its own RebuildState (the projection's fold), kept so a later catalogue change folds onto
 * the facts the read models hold, as the projector would (`writeProcedureChange`).
 */
export class HeavyCatalogue {
  readonly procedures: readonly HeavyProcedure[];
  readonly state = new RebuildState();
  /** Dossiers written per procedure code (loaded and live). */
  readonly dossiersOf = new Map<string, number>();
  /** Each procedure's attributes as last changed (`changeFor` flips one). */
  private readonly current = new Map<string, { online: OnlineServiceLevel; feeBearing: boolean; citizenFacing: boolean; resultIsDocument: boolean }>();
  private readonly cumulative: number[] = [];

  constructor(readonly unitCode: string, count: number) {
    const r = seededRandom(`heavy-catalogue:${unitCode}/${count}`);
    let rank = 0;
    this.procedures = Array.from({ length: count }, (_, j): HeavyProcedure => {
      const online: OnlineServiceLevel = r() < 0.55 ? 'full' : r() < 0.45 ? 'partial' : 'none';
      const feeBearing = r() < 0.45;
      const dormant = j > 0 && r() < 0.25;
      return {
        code: `2.${String(j + 1).padStart(6, '0')}`, online, feeBearing, paymentIntegrated: feeBearing && r() < 0.65,
        citizenFacing: r() < 0.8, populationLinked: r() < 0.6, resultIsDocument: r() < 0.7, weight: dormant ? 0 : 1 / (++rank) ** 1.3,
      };
    });
    let sum = 0;
    for (const p of this.procedures) this.cumulative.push((sum += p.weight));
    for (const p of this.procedures) this.current.set(p.code, { online: p.online, feeBearing: p.feeBearing, citizenFacing: p.citizenFacing, resultIsDocument: p.resultIsDocument });
  }

  /** The procedure of a dossier, drawn by weight from `u` in [0, 1). */
  pick(u: number): HeavyProcedure {
    const target = u * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.procedures[lo] as HeavyProcedure;
  }

  /** Announces and publishes every procedure (QĐCB in January, published 2 days later), folded from `position` on. Answers the last position used. */
  announce(position: bigint): bigint {
    let pos = position;
    const published = '2025-01-08T09:00:00';
    for (const p of this.procedures) {
      const e = <T extends ProcedureEventUnion['type']>(type: T, t: string, data: ProcedureEventData[T]) =>
        this.state.apply(procedureEvent<T>(this.unitCode, p.code, type, t, data), ++pos);
      e('procedure.announced', `${DECISION_DATE}T08:00:00`, { decisionCode: this.decisionOf(p.code), decisionDate: DECISION_DATE, legalBasisEffectiveDate: '2025-01-20', resultIsDocument: p.resultIsDocument });
      e('procedure.published', published, { decisionCode: this.decisionOf(p.code) });
      e('procedure.content-assessed', published, { presentParts: ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority', 'result', 'fees'] });
      e('procedure.online-service-set', published, { level: p.online });
      e('procedure.fee-configured', published, { feeBearing: p.feeBearing });
      if (p.feeBearing) e('procedure.payment-integrated', published, { integrated: p.paymentIntegrated });
      e('procedure.audience-set', published, { citizenFacing: p.citizenFacing });
    }
    return pos;
  }

  /**
   * The `i`-th catalogue change, one that moves what `criterion` reads of the procedure: 12 and 13
   * the result being a document (the QĐCB re-sent with it flipped: every dossier of the procedure is
   * judged again), 9 and 10 fee-bearing, 17 citizen-facing, any other the online level (none ↔ offered).
   * Procedures taken with a stride, so both heavy and light ones change. Dated late in the month,
   * later each time, so it is the value in force at the month's end.
   */
  changeFor(criterion: number, i: number): { event: DomainEvent; procedure: HeavyProcedure } {
    const procedure = this.procedures[(i * 37) % this.procedures.length] as HeavyProcedure;
    const now = this.current.get(procedure.code);
    if (!now) throw new Error(`no procedure ${procedure.code}`);
    const t = localIso(MONTH_START + 25 * DAY + i * 60_000);
    const change = <T extends ProcedureEventUnion['type']>(type: T, data: ProcedureEventData[T]) => ({
      event: procedureEvent<T>(this.unitCode, procedure.code, type, t, data), procedure,
    });
    if (criterion === 12 || criterion === 13) {
      now.resultIsDocument = !now.resultIsDocument;
      return change('procedure.announced', { decisionCode: this.decisionOf(procedure.code), decisionDate: DECISION_DATE, legalBasisEffectiveDate: '2025-01-20', resultIsDocument: now.resultIsDocument });
    }
    if (criterion === 9 || criterion === 10) {
      now.feeBearing = !now.feeBearing;
      return change('procedure.fee-configured', { feeBearing: now.feeBearing });
    }
    if (criterion === 17) {
      now.citizenFacing = !now.citizenFacing;
      return change('procedure.audience-set', { citizenFacing: now.citizenFacing });
    }
    now.online = isOnlineAt(now.online) ? 'none' : 'full';
    return change('procedure.online-service-set', { level: now.online });
  }

  private decisionOf(code: string): string {
    return `QD-${this.unitCode}-${code}`;
  }
}

/**
 * Dossier `i` of a unit with a catalogue: as `foldDossier` (received over the month, due 3 days
 * later, processed 0–3.6 days after receipt, ~15 % late), of a procedure drawn by weight, filed
 * online (60 % of those at a procedure offered online: ~40 % of all), digitised (70 %), with
 * population data (70 % at a procedure connected to the population database), fee data (90 % at a
 * fee-bearing procedure) paid online (60 % where the procedure is integrated, else at the desk), and
 * an electronic result (60 %). Answers the last position used.
 */
function foldCatalogueDossier(state: RebuildState, catalogue: HeavyCatalogue, i: number, position: bigint, r: () => number): bigint {
  const code = catalogue.unitCode;
  const dossierCode = `${code}-${HEAVY_MONTH}-${String(i).padStart(6, '0')}`;
  const p = catalogue.pick(r());
  catalogue.dossiersOf.set(p.code, (catalogue.dossiersOf.get(p.code) ?? 0) + 1);
  const received = MONTH_START + Math.floor(r() * 27 * DAY);
  const processed = received + Math.floor(r() * 3.6 * DAY);
  const d = dossierEvents(code, dossierCode);
    let pos = position;
  const fold = (event: DomainEvent) => state.apply(event, ++pos);
  fold(d.received(localIso(received), localIso(received + 3 * DAY), isOnlineAt(p.online) && r() < 0.6 ? 'online' : 'in-person', p.code));
  if (r() < 0.7) fold(d.digitised(localIso(received + 600_000)));
  if (p.populationLinked && r() < 0.7) fold(d.populationData(localIso(received + 300_000)));
  if (p.feeBearing && r() < 0.9) {
    fold(d.obligation(localIso(received + 3_600_000), 50_000 * (1 + Math.floor(r() * 10))));
    fold(d.paid(localIso(received + 7_200_000), p.paymentIntegrated && r() < 0.6 ? (r() < 0.6 ? 'national-portal' : 'local-gateway') : 'offline'));
  }
  fold(d.processed(localIso(processed)));
  if (r() < 0.6) fold(d.eResult(localIso(processed + 300_000)));
  return pos;
}

/** Options of `loadHeavyUnitMonth`. */
export interface HeavyUnitOptions {
  /**
   * Procedures announced at the heavy unit (`HeavyCatalogue`), its dossiers spread over them with
   * fees, payments, digitisation, population data and e-results: what criteria 7, 9, 10, 12, 13, 17
   * read. 0 (the default): no catalogue, and the dossiers as they always were (procedure "P-1",
   * received and processed only), so the figures of the criterion-5 and ranking benchmarks keep their meaning.
   */
  readonly procedures?: number;
}

/**
 * Every reference unit registered and `dossiers` dossiers of one unit (`othersEach` of every other
 * unit, so a ranking has rows) received over the month, due 3
 * days later and processed 0–3.6 days after receipt (~15 % late, as the portal's on-time rates), then
 * folded and scored by the projection's own code (RebuildState's fold, saveSubjects,
 * recomputeUnitPeriods) straight into the read models: what the reads see after `npm run rebuild`, in
 * seconds instead of the event store's append time (the reads never touch the store). With
 * `procedures`, the heavy unit's catalogue first and its dossiers spread over it (answered as
 * `catalogue`, for live changes). Progress on stdout.
 */
export async function loadHeavyUnitMonth(
  dbUrl: string, dossiers: number, othersEach = 0, options: HeavyUnitOptions = {},
): Promise<{ unit: DemoUnit; events: number; position: bigint; catalogue?: HeavyCatalogue }> {
  const pool = new Pool({ connectionString: dbUrl, max: 2 });
  await migrateDatabase(pool).finally(() => pool.end());
  const prisma = createReadModelClient(dbUrl, 2);
  try {
    const unit = heavyUnit();
    const state = new RebuildState();
    let position = 0n;
    for (const u of DEMO_UNITS) state.apply(unitRegistered(u.code, u.name, u.level, u.parentCode), ++position);
    const catalogue = options.procedures ? new HeavyCatalogue(unit.code, options.procedures) : undefined;
    if (catalogue) position = catalogue.announce(position);
    const started = Date.now();
    const fold = (code: string, i: number) => {
      position = foldDossier(state, code, i, position);
    };
    const random = seededRandom(`heavy-dossiers:${unit.code}`);
    for (let i = 0; i < dossiers; i++) {
      if (catalogue) position = foldCatalogueDossier(state, catalogue, i, position, random);
      else fold(unit.code, i);
      if (i % 5000 === 4999 || i === dossiers - 1) progress(`folding ${dossiers} dossiers of ${unit.code}`, i + 1, dossiers, started);
    }
    const others = othersEach > 0 ? DEMO_UNITS.filter((u) => u.code !== unit.code) : [];
    for (const other of others) for (let i = 0; i < othersEach; i++) fold(other.code, i);
    const records = [...(catalogue?.state.subjectRecords() ?? []), ...state.subjectRecords()];
    const writeStarted = Date.now();
    for (let from = 0; from < records.length; from += 5000) {
      await prisma.$transaction((tx) => saveSubjects(tx, records.slice(from, from + 5000)), { timeout: 600_000, maxWait: 60_000 });
      progress('writing subject_facts', Math.min(from + 5000, records.length), records.length, writeStarted);
    }
    const keys = [unit, ...others].map((u) => ({ unitCode: u.code, period: HEAVY_MONTH }));
    await prisma.$transaction((tx) => recomputeUnitPeriods(tx, keys, position, Date.now(), { rebase: true }), { timeout: 600_000, maxWait: 60_000 });
    await prisma.$executeRawUnsafe('ANALYZE');
    console.log(`  read models written in ${((Date.now() - writeStarted) / 1000).toFixed(1)} s (${records.length} subjects)`);
    return { unit, events: Number(position), position, ...(catalogue ? { catalogue } : {}) };
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A live unit's next events: `count` new dossiers of `unitCode` (numbered from `first`) folded and
 * their subjects written after `position`, as the projector writes them (saveSubjects; the score is
 * not recomputed); with a `catalogue`, spread over its procedures as the loaded ones. Answers the last position written.
 */
export async function writeLiveDossiers(prisma: ReadModelClient, unitCode: string, first: number, count: number, position: bigint, catalogue?: HeavyCatalogue): Promise<bigint> {
  const state = new RebuildState();
  let pos = position;
  const random = seededRandom(`live-dossiers:${unitCode}/${first}`);
  for (let i = first; i < first + count; i++) {
    pos = catalogue ? foldCatalogueDossier(state, catalogue, i, pos, random) : foldDossier(state, unitCode, i, pos);
  }
  await prisma.$transaction((tx) => saveSubjects(tx, state.subjectRecords().filter((r) => r.kind === 'dossier')));
  return pos;
}

/**
 * A live catalogue change (`HeavyCatalogue.changeFor`), as the projector writes it: the event folded
 * onto the procedure's facts at the next position and only that procedure's subject saved (the score
 * is not recomputed). Answers the position written, the procedure and how many dossiers it has.
 */
export async function writeProcedureChange(
  prisma: ReadModelClient, catalogue: HeavyCatalogue, criterion: number, i: number, position: bigint,
): Promise<{ position: bigint; procedure: HeavyProcedure; dossiers: number }> {
  const { event, procedure } = catalogue.changeFor(criterion, i);
  const next = position + 1n;
  catalogue.state.apply(event, next);
  const record = catalogue.state.subjectRecords().find((r) => r.kind === 'procedure' && r.key === `${catalogue.unitCode}/${procedure.code}`);
  if (!record || record.lastPosition !== next) throw new Error(`the change of ${procedure.code} was not folded (parked?)`);
  await prisma.$transaction((tx) => saveSubjects(tx, [record]));
  return { position: next, procedure, dossiers: catalogue.dossiersOf.get(procedure.code) ?? 0 };
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
