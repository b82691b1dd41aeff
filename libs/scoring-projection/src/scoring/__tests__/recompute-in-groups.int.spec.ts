import { type DomainEvent, streamIdOf } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ProjectionRebuild } from '../../rebuild/projection-rebuild';
import { ScoringProjector } from '../scoring-projector';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');
const UNITS = ['HY-A', 'HY-B', 'HY-C', 'HY-D', 'HY-E'];

/**
 * A catch-up recomputes its owed unit-periods a group of units at a time (a bounded number of
 * subjects held). With a budget of one subject every unit is its own group: the stored own and
 * finished figures must be exactly what a rebuild (which scores every unit in one pass) writes.
 */
describe('recompute in bounded groups of units (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('recompute_groups');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const rows = async (table: string) => (await db.pool.query(`SELECT unit_code, period, figures, score, total FROM ${table} ORDER BY unit_code, period`)).rows;

  it('writes the same own and finished rows as a rebuild when every unit is recomputed alone', async () => {
    const events: DomainEvent[] = [unitRegistered('HY', 'Hưng Yên', 'province', undefined, '2025-01-01T00:00:00')];
    UNITS.forEach((unit, u) => {
      events.push(unitRegistered(unit, `Sở ${unit}`, 'department', 'HY', '2025-01-01T00:00:00'));
      // Each unit: one dossier on time and one late (processed after its due day), in March and April.
      for (const [n, month] of [[1, '03'], [2, '04']] as const) {
        const d = dossierEvents(unit, `D${n}`);
        events.push(d.received(`2025-${month}-0${u + 2}T08:00:00`, `2025-${month}-1${u}T17:00:00`));
        events.push(d.processed(n === 1 ? `2025-${month}-0${u + 3}T08:00:00` : `2025-${month}-2${u}T08:00:00`));
      }
    });
    await store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));

    const projector = new ScoringProjector(prisma, { clock: () => NOW, recomputeSubjectBudget: 1 });
    let checkpoint: Checkpoint = START;
    for (let seen = 0; seen < events.length;) {
      const batch = await store.readAll(checkpoint, 1000);
      if (batch.events.length === 0) {
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      // Deferred, as a catch-up: every owed unit-period is recomputed at once by the flush below.
      await projector.handle(batch, { deferRecompute: true });
      seen += batch.events.length;
      checkpoint = batch.checkpoint;
    }
    await projector.flushPending();
    const grouped = { own: await rows('unit_period_scores'), finished: await rows('finished_scores') };
    // Every unit has its March and April months, Q1, Q2, H1 and the year; the province pools them.
    expect(grouped.own.filter((r) => r.unit_code === 'HY-C').map((r) => r.period)).toEqual(['2025', '2025-03', '2025-04', '2025-H1', '2025-Q1', '2025-Q2']);
    expect(grouped.finished.some((r) => r.unit_code === 'HY' && r.period === '2025-03')).toBe(true);

    await new ProjectionRebuild(db.pool, store, { clock: () => NOW }).run();
    expect(await rows('unit_period_scores')).toEqual(grouped.own);
    expect(await rows('finished_scores')).toEqual(grouped.finished);
  });
});
