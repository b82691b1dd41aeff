import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, type ReadBatch, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { createReadModelClient, migrateDatabase, poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '../scoring-projector';
import { inSqlTransaction } from '../sql-transaction';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');
const UNITS = ['HY-SYT', 'HY-STP', 'HY-SNV'];

/** Three departments, each with a March and an April dossier: 3 units × (2 months + Q1, Q2, H1, 2025) unit-periods. */
function history(): DomainEvent[] {
  const events: DomainEvent[] = UNITS.map((u, i) => unitRegistered(u, `Sở ${i}`, 'department', 'HY'));
  UNITS.forEach((u, i) => {
    for (const month of ['03', '04']) {
      const d = dossierEvents(u, `D-${u}-${month}`);
      events.push(d.received(`2025-${month}-0${i + 2}T08:00:00`, `2025-${month}-0${i + 3}T17:00:00`));
      events.push(d.processed(`2025-${month}-0${i + 2}T10:00:00`));
    }
  });
  return events;
}

const rowsOf = (prisma: ReadModelClient) => prisma.unitPeriodScore.findMany({
  orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true },
});
const pendingCount = async (db: TestDatabase) => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pending_recomputes')).rows[0].n;

describe('scoring batches: owed months, chunked flushes, the pg transaction (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let all: ReadBatch;

  beforeAll(async () => {
    db = await createTestDatabase('rtrip');
    await migrateDatabase(db.pool);
    const store = new PostgresEventStore(db.pool);
    await store.appendMany(history().map((event) => ({ streamId: streamIdOf(event), event })));
    all = await store.readAll(START, 10_000);
    expect(all.events).toHaveLength(3 + 12);
    prisma = createReadModelClient(db.url, 2);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  beforeEach(() => db.pool.query('TRUNCATE unit_period_scores, finished_scores, subject_facts, pending_recomputes, projection_checkpoints, unit_period_tallies'));

  /** The whole history deferred (as a catch-up reads it), then everything flushed at once: the reference. */
  async function reference(): Promise<Awaited<ReturnType<typeof rowsOf>>> {
    const projector = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    await projector.handle(all, { deferRecompute: true });
    await projector.flushPending();
    const rows = await rowsOf(prisma);
    await db.pool.query('TRUNCATE unit_period_scores, finished_scores, subject_facts, pending_recomputes, projection_checkpoints, unit_period_tallies');
    return rows;
  }

  it('takes a backlog a few unit-periods per transaction, period by period, to the same figures as one flush', async () => {
    const expected = await reference();
    // 3 units × 6 periods = 18 unit-periods.
    expect(expected).toHaveLength(18);
    const projector = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    await projector.handle(all, { deferRecompute: true });
    expect(await pendingCount(db)).toBe(18);
    const left: number[] = [];
    const said: number[] = [];
    for (;;) {
      const chunk = await projector.flushPendingChunk(undefined, 5);
      said.push(chunk.left);
      left.push(await pendingCount(db));
      if (chunk.left === 0) break;
    }
    // 18 → 13 → 8 → 3 → 0; each chunk says what it left.
    expect(left).toEqual([13, 8, 3, 0]);
    expect(said).toEqual(left);
    expect(await rowsOf(prisma)).toEqual(expected);
  });

  it('has the next live batch take the months a deferred batch owed, even when another instance deferred them', async () => {
    const expected = await reference();
    const months = expected.filter((r) => /^\d{4}-\d{2}$/.test(r.period));
    expect(months).toHaveLength(6);
    const deferring = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    await deferring.handle({ events: all.events.slice(0, -1), checkpoint: checkpointOf(all.events.length - 2) }, { deferRecompute: true });
    expect(await rowsOf(prisma)).toEqual([]);
    // A fresh instance knows nothing of what the first deferred: its first live batch (the last event) takes every owed month.
    const live = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    await live.handle({ events: all.events.slice(-1), checkpoint: all.checkpoint });
    expect((await rowsOf(prisma)).filter((r) => /^\d{4}-\d{2}$/.test(r.period))).toEqual(months);
    // The longer periods stay owed to the cadence's flush, which gives the reference's figures.
    expect(await pendingCount(db)).toBe(12);
    expect(await live.flushPendingChunk('month')).toEqual({ changes: [], left: 0 });
    expect(await pendingCount(db)).toBe(12);
    await live.flushPending();
    expect(await rowsOf(prisma)).toEqual(expected);
  });

  it('still takes owed months after a batch it skipped as already applied', async () => {
    const expected = await reference();
    const deferring = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    await deferring.handle(all, { deferRecompute: true });
    // Another instance re-reads the same batch: everything in it is at or before the checkpoint, so nothing is taken.
    const other = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    expect(await other.handle(all)).toEqual([]);
    expect(await rowsOf(prisma)).toEqual([]);
    // Its months-only flush must still look: 6 months owed (3 units × March, April).
    await other.flushPendingChunk('month');
    expect((await rowsOf(prisma)).filter((r) => /^\d{4}-\d{2}$/.test(r.period))).toEqual(expected.filter((r) => /^\d{4}-\d{2}$/.test(r.period)));
  });

  it('runs on the read models\' own pool: a throw rolls the transaction back, and int8 reads as BigInt as through Prisma', async () => {
    const pool = poolOfReadModels(prisma);
    expect(pool).toBeDefined();
    if (!pool) return;
    await expect(inSqlTransaction(pool, async (tx) => {
      await tx.$executeRawUnsafe("INSERT INTO pending_recomputes (projection, unit_code, period) VALUES ('x', 'HY-SYT', '2025-03')");
      throw new Error('stop here');
    })).rejects.toThrow('stop here');
    expect(await pendingCount(db)).toBe(0);
    const [viaPg] = await inSqlTransaction(pool, (tx) => tx.$queryRawUnsafe<{ big: unknown; small: unknown }[]>('SELECT 9007199254740993::bigint AS big, 7::int AS small'));
    const [viaPrisma] = await prisma.$queryRawUnsafe<{ big: unknown; small: unknown }[]>('SELECT 9007199254740993::bigint AS big, 7::int AS small');
    expect(viaPg).toEqual({ big: 9007199254740993n, small: 7 });
    expect(viaPg).toEqual(viaPrisma);
  });

  it('refreshes the open periods a few units per transaction to the same figures as all at once', async () => {
    // Each unit gets a May dossier left pending, due 9 May 17:00: on 8 May it is not late yet, on 10 May it is.
    const store = new PostgresEventStore(db.pool);
    const pending = UNITS.map((u) => dossierEvents(u, `P-${u}`).received('2025-05-05T08:00:00', '2025-05-09T17:00:00'));
    await store.appendMany(pending.map((event) => ({ streamId: streamIdOf(event), event })));
    const withPending = await store.readAll(START, 10_000);
    const refreshed = async (unitsPerTransaction: number) => {
      await db.pool.query('TRUNCATE unit_period_scores, finished_scores, subject_facts, pending_recomputes, projection_checkpoints, unit_period_tallies');
      let clock = Date.parse('2025-05-08T12:00:00+07:00');
      const projector = new ScoringProjector(prisma, { name: 'scoring', clock: () => clock, refreshUnitsPerTransaction: unitsPerTransaction });
      await projector.handle(withPending);
      await projector.flushPending();
      const before = await rowsOf(prisma);
      clock = NOW;
      await projector.refreshOpenPeriods();
      return { before, after: await rowsOf(prisma) };
    };
    const oneByOne = await refreshed(1);
    const together = await refreshed(25);
    expect(oneByOne.after).toEqual(together.after);
    // The refresh moved May's criterion 5 for every unit: the pending dossier turned late with the clock.
    const may = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.filter((r) => r.period === '2025-05').map((r) => JSON.stringify((r.figures as Record<string, unknown>)['5']));
    expect(may(oneByOne.after)).toHaveLength(3);
    may(oneByOne.after).forEach((after, i) => expect(after).not.toEqual(may(oneByOne.before)[i]));
  });

  function checkpointOf(index: number): ReadBatch['checkpoint'] {
    const e = all.events[index];
    return { transactionId: e.transactionId, position: e.globalPosition };
  }
});
