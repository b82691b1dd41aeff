import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '../scoring-projector';
import { ProjectionRebuild } from '../../rebuild/projection-rebuild';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');

function history() {
  const events: DomainEvent[] = [unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY'), unitRegistered('HY-HVG', 'UBND huyện Văn Giang', 'district', 'HY')];
  for (let i = 0; i < 40; i++) {
    const unit = i % 2 === 0 ? 'HY-SYT' : 'HY-HVG';
    const d = dossierEvents(unit, `D${i}`);
    const day = String(1 + (i % 27)).padStart(2, '0');
    const month = i < 20 ? '03' : '04';
    events.push(d.received(`2025-${month}-${day}T08:00:00`, `2025-${month}-${day}T17:00:00`, i % 3 === 0 ? 'online' : 'in-person'));
    if (i % 4 !== 3) events.push(d.processed(`2025-${month}-${day}T${i % 5 === 0 ? '18' : '10'}:00:00`));
  }
  return events;
}

async function project(db: TestDatabase, name: string, batchSize: number): Promise<Record<string, unknown>[]> {
  const prisma: ReadModelClient = createReadModelClient(db.url, 2);
  const projector = new ScoringProjector(prisma, { name, clock: () => NOW, partition: { index: 0, count: 1 } });
  const store = new PostgresEventStore(db.pool);
  const total = Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
  let checkpoint = START;
  let seen = 0;
  // Visibility is cluster-wide (other suites' open transactions can hold it back): read until all are seen.
  while (seen < total) {
    const batch = await store.readAll(checkpoint, batchSize);
    if (batch.events.length === 0) {
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    await projector.handle(batch, { deferRecompute: batch.events.length === batchSize });
    checkpoint = batch.checkpoint;
    seen += batch.events.length;
  }
  expect((await store.readAll(checkpoint, 1)).events).toHaveLength(0);
  await projector.flushPending();
  const rows = await prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true } });
  await prisma.$disconnect();
  return rows;
}

describe('scoring projector (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('proj');
    await migrateDatabase(db.pool);
    const store = new PostgresEventStore(db.pool);
    await store.appendMany(history().map((event) => ({ streamId: streamIdOf(event), event })));
  });
  afterAll(() => db.drop());

  it('gives the same read model whether events come one at a time, in deferred catch-up batches or all at once', async () => {
    const oneByOne = await project(db, 'one-by-one', 1);
    await db.pool.query('TRUNCATE unit_period_scores, subject_facts, pending_recomputes');
    const batched = await project(db, 'batched', 7);
    await db.pool.query('TRUNCATE unit_period_scores, subject_facts, pending_recomputes');
    const whole = await project(db, 'whole', 10_000);

    expect(oneByOne.length).toBeGreaterThan(0);
    expect(batched).toEqual(oneByOne);
    expect(whole).toEqual(oneByOne);
    const pending = await db.pool.query('SELECT count(*)::int AS n FROM pending_recomputes');
    expect(pending.rows[0].n).toBe(0);
  });

  it('writes March figures for criterion 5 that match the events: 12 of 20 dossiers processed on time', async () => {
    const rows = await db.pool.query<{ unit_code: string; figures: Record<string, { numerator: number; denominator: number }> }>(
      `SELECT unit_code, figures FROM unit_period_scores WHERE period = '2025-03' ORDER BY unit_code`,
    );
    // Dossiers 0..19 are March. i % 4 == 3 stay pending and are overdue (due the same day at 17:00) → late;
    // i % 5 == 0 finish at 18:00 after a 17:00 due time → late. Late: {3,7,11,15,19} ∪ {0,5,10} = 8 → on time 12.
    const sum = rows.rows.reduce((acc, r) => ({ n: acc.n + r.figures['5'].numerator, d: acc.d + r.figures['5'].denominator }), { n: 0, d: 0 });
    expect(sum).toEqual({ n: 12, d: 20 });
  });

  it('rebuilds beside the live tables to the same figures, and the live projector then skips what the rebuild applied', async () => {
    await db.pool.query('TRUNCATE unit_period_scores, subject_facts, pending_recomputes, projection_checkpoints');
    const live = await project(db, 'scoring', 5);
    const store = new PostgresEventStore(db.pool);
    const stages = new Set<string>();
    const report = await new ProjectionRebuild(db.pool, store, { pageSize: 9, clock: () => NOW }).run((stage) => { stages.add(stage); });
    expect(report.events).toBe(history().length);
    expect([...stages]).toEqual(['fold', 'write', 'switch']);
    const prisma = createReadModelClient(db.url, 2);
    const rebuilt = await prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true } });
    expect(rebuilt).toEqual(live);
    // A live projector that had not seen the rebuild re-reads old events: they must change nothing.
    const projector = new ScoringProjector(prisma, { name: 'scoring', clock: () => NOW });
    const again = await store.readAll(START, 10_000);
    expect(await projector.handle(again)).toEqual([]);
    expect(await prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true } })).toEqual(live);
    await prisma.$disconnect();
  });
});

