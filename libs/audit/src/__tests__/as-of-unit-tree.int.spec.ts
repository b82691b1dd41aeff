import { type DomainEvent, foldUnitTree, referenceUnitEvents, streamIdOf } from '@idx/domain';
import { PostgresEventStore, PostgresHistoryReader } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ScoreQueries } from '@idx/score-queries';

/**
 * As-of replays pool over the unit tree as it stood at the as-of instant (record time): a merger
 * or a reform recorded later is not known yet. Reference units (libs/domain/src/units/reference-units.ts):
 * Hưng Yên's departments merged on 1 March 2025, the province reformed into HY25 on 1 July 2025.
 */
describe('as-of replays use the unit tree as it stood then (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;
  let queries: ScoreQueries;
  /** Recorded after the 2024 structure and the March dossiers, before the 2025 changes. */
  let beforeChanges: Date;

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
  const dbNow = async () => (await db.pool.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0].t;

  beforeAll(async () => {
    db = await createTestDatabase('as_of_tree');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
    queries = new ScoreQueries(prisma, new PostgresHistoryReader(db.pool));
    const reference = referenceUnitEvents();
    const changedFrom = Date.parse('2025-03-01T00:00:00+07:00');
    await append(reference.filter((e) => Date.parse(e.occurredAt) < changedFrom));
    // The one-stop system still files under Sở Giao thông vận tải in March: the merger is not recorded yet.
    const g = dossierEvents('HY-SGTVT', 'G1');
    const x = dossierEvents('HY-SXD', 'X1');
    await append([
      g.received('2025-03-05T08:00:00', '2025-03-10T17:00:00'), g.processed('2025-03-06T10:00:00'),
      x.received('2025-03-06T08:00:00', '2025-03-10T17:00:00'), x.processed('2025-03-12T10:00:00'),
    ]);
    beforeChanges = await dbNow();
    await append(reference.filter((e) => Date.parse(e.occurredAt) >= changedFrom));
    // Today's tree in the projection, as the scoring projection folds it (kind 'unit' subjects):
    // what the as-of replay used to pool over, whatever the as-of instant.
    for (const [code, facts] of Object.entries(foldUnitTree(reference))) {
      await db.pool.query(
        `INSERT INTO subject_facts (kind, key, unit_code, window_from, facts, last_position) VALUES ('unit', $1, $1, now(), $2, 0)`, [code, JSON.stringify(facts)],
      );
    }
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("pools Hưng Yên's March over its 2024 departments as of before the merger was recorded, over the merged ones after", async () => {
    const then = await queries.unitScore('HY', '2025-03', beforeChanges);
    // 1 province + 16 departments + 10 districts, as published for 2024.
    expect(then?.pooledUnits).toHaveLength(27);
    expect(then?.pooledUnits).toContain('HY-SGTVT');
    // Both March dossiers count: G1 on time, X1 two days late.
    expect(then?.criteria.find((c) => c.id === 5)).toMatchObject({ numerator: 1, denominator: 2 });

    const now = await queries.unitScore('HY', '2025-03', await dbNow());
    // Six departments merged away on 1 March, Nông nghiệp và Môi trường new: 1 + 11 + 10.
    expect(now?.pooledUnits).toHaveLength(22);
    expect(now?.pooledUnits).not.toContain('HY-SGTVT');
    expect(now?.pooledUnits).toContain('HY-SNNMT');
  });

  it('does not know the province formed on 1 July 2025 as of before its reform was recorded', async () => {
    expect(await queries.unitScore('HY25', '2025-07', beforeChanges)).toBeUndefined();
    const now = await queries.unitScore('HY25', '2025-07', await dbNow());
    expect(now?.unit).toMatchObject({ code: 'HY25', name: 'UBND tỉnh Hưng Yên' });
    // HY25 and its eleven departments; the old province and districts ended on 1 July.
    expect(now?.pooledUnits).toHaveLength(12);
    expect(now?.pooledUnits).toContain('HY25-SXD');
  });
});
