import { type DomainEvent, referenceUnitEvents, streamIdOf } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, PostgresHistoryReader, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ScoreQueries } from '../score-queries';
import { finishScoresOfEarlierRelease, ProjectionRebuild, type ScoreChange, ScoringProjector } from '@idx/scoring-projection';

const NOW = Date.parse('2025-09-10T12:00:00+07:00');

/**
 * The reference units (reference-units.ts) across the 1 March 2025 department mergers and the
 * 1 July 2025 reform, with one dossier each in five units. Expected pools and counts are read off
 * the dates by hand: a dossier counts in criterion 4's denominator (dossiers received) of every
 * unit whose pool, for that period, holds the unit that received it.
 */
describe('finished scores: pooled in business time, stored once, read and replayed alike (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;
  const changes: ScoreChange[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('finished');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
    const dossier = (unit: string, code: string, day: string): DomainEvent[] => [
      dossierEvents(unit, code).received(`${day}T08:00:00`, `${day}T17:00:00`),
      dossierEvents(unit, code).processed(`${day}T10:00:00`),
    ];
    const events: DomainEvent[] = [
      ...referenceUnitEvents(),
      ...dossier('HY-SKHDT', 'K1', '2025-01-10'), // Kế hoạch và Đầu tư: merged into Tài chính on 1 March
      ...dossier('HY-SNNPTNT', 'N1', '2025-02-12'), // Nông nghiệp và PTNT: into the new Nông nghiệp và Môi trường on 1 March
      ...dossier('HY-STC', 'T1', '2025-03-10'), // Tài chính: existed all along
      ...dossier('HY-TPHY', 'P1', '2025-05-06'), // a district, dissolved on 1 July
      ...dossier('HY25-STC', 'T2', '2025-08-05'), // the new province's Tài chính
    ];
    await store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
    const projector = new ScoringProjector(prisma, { clock: () => NOW });
    let checkpoint: Checkpoint = START;
    const head = BigInt((await db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p);
    for (let seen = 0n; seen < head;) {
      const batch = await store.readAll(checkpoint, 500);
      if (batch.events.length === 0) {
        await new Promise((r) => setTimeout(r, 10)); // visibility is cluster-wide: another suite's open transaction can hold the head back
        continue;
      }
      seen = batch.events.reduce((max, e) => (e.globalPosition > max ? e.globalPosition : max), seen);
      changes.push(...(await projector.handle(batch)));
      checkpoint = batch.checkpoint;
    }
    changes.push(...(await projector.flushPending()));
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const finished = (unitCode: string, period: string) => prisma.finishedScore.findUnique({ where: { unitCode_period: { unitCode, period } } });
  const received = async (unitCode: string, period: string) => ((await finished(unitCode, period))?.figures as Record<string, { denominator: number }> | undefined)?.['4']?.denominator;

  it('pools a province\'s quarter over the units that existed during it, a department merged on 1 March included', async () => {
    expect(await received('HY', '2025-Q1')).toBe(3); // SKHDT (Jan) + SNNPTNT (Feb) + STC (Mar)
    expect((await finished('HY', '2025-Q1'))?.pooledUnits).toEqual(expect.arrayContaining(['HY', 'HY-SKHDT', 'HY-SNNPTNT', 'HY-STC']));
    expect(await received('HY-SNNMT', '2025-Q1')).toBe(1); // formed on 1 March: carries SNNPTNT's February
    expect(await received('HY-STC', '2025-Q1')).toBe(1); // existed all quarter: its own only
    expect(await received('HY', '2025-03')).toBe(1);
  });

  it('pools the new province\'s year over the pre-reform units\' first half through successor links', async () => {
    expect(await received('HY25', '2025')).toBe(5);
    expect(await received('HY25', '2025-H2')).toBe(1);
    expect(await received('HY', '2025')).toBe(4); // old Hưng Yên: its first half only
    expect(await finished('HY25', '2025-H1')).toBeNull(); // did not exist: no row
    expect(await received('HY25-STC', '2025')).toBe(2); // its own August + HY-STC's March
  });

  it('stores, streams, answers and replays the same displayed total', async () => {
    const queries = new ScoreQueries(prisma, new PostgresHistoryReader(db.pool), () => NOW);
    for (const [unit, period] of [['HY', '2025-Q1'], ['HY25', '2025'], ['HY-SNNMT', '2025-Q1'], ['HY25-STC', '2025']] as const) {
      const row = await finished(unit, period);
      const dto = await queries.unitScore(unit, period);
      const replayed = await queries.unitScore(unit, period, new Date()); // events were recorded now (after NOW)
      expect(dto?.total).toBe(row?.total);
      expect(replayed?.total).toBe(row?.total);
      expect(replayed?.criteria).toEqual(dto?.criteria);
      expect(dto?.pooledUnits).toEqual(row?.pooledUnits);
      // The stored total is the displayed one: at most 2 decimals (half-up).
      expect(Math.round((row?.total ?? NaN) * 100) / 100).toBe(row?.total);
      const streamed = changes.filter((c) => c.unitCode === unit && c.period === period).at(-1);
      expect(streamed?.total).toBe(row?.total);
    }
  });

  it('a group carries its applicable maximum and rate; a unit without activity is unranked and "no data"', async () => {
    const queries = new ScoreQueries(prisma, undefined, () => NOW);
    const stc = await queries.unitScore('HY-STC', '2025-03');
    const transparency = stc?.groups.find((g) => g.id === 'transparency');
    expect(transparency?.applicableMax).toBeLessThan(transparency?.max ?? 0); // criterion 2 is the province's only
    expect(transparency?.rate).toBeCloseTo((transparency?.points ?? NaN) / (transparency?.applicableMax ?? NaN), 12);
    const ranking = await queries.ranking('2025-03', { level: 'department', parent: 'HY' });
    const idle = ranking.rows.filter((r) => !r.hasData);
    expect(ranking.rows.filter((r) => r.rank !== null).map((r) => r.unit.code)).toEqual(['HY-STC']);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.every((r) => r.rank === null && r.groups.every((g) => g.status !== 'ok'))).toBe(true);
  });

  it('equals a rebuild row for row', async () => {
    const live = await prisma.finishedScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], omit: { updatedAt: true, lastPosition: true } });
    await new ProjectionRebuild(db.pool, store, { clock: () => NOW }).run();
    const rebuilt = await prisma.finishedScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], omit: { updatedAt: true, lastPosition: true } });
    expect(rebuilt).toEqual(live);
  }, 180_000);

  it('fills the finished rows of a database projected by an earlier release (own figures only), once', async () => {
    const rowsOf = async () => (await prisma.finishedScore.findMany({ orderBy: [{ period: 'asc' }, { unitCode: 'asc' }] }))
      .map((r) => ({ unitCode: r.unitCode, period: r.period, total: r.total, figures: r.figures, pooledUnits: r.pooledUnits }));
    const before = await rowsOf();
    expect(before.length).toBeGreaterThan(0);
    const position = (await new ScoringProjector(prisma).checkpoint()).position;
    // Already filled: nothing to do.
    expect(await finishScoresOfEarlierRelease(prisma, position)).toBe(0);
    await db.pool.query('DELETE FROM finished_scores');
    expect(await rowsOf()).toEqual([]);
    expect(await finishScoresOfEarlierRelease(prisma, position)).toBe(before.length);
    expect(await rowsOf()).toEqual(before);
  });
});
