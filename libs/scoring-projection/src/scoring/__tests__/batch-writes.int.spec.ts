import { streamIdOf } from '@idx/domain';
import { PostgresEventStore, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { createReadModelClient, migrateDatabase, poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import { saveBatchWrites } from '../batch-writes';
import { projectorTransaction, ScoringProjector } from '../scoring-projector';
import { loadSubjectsProbingParked, type SubjectRow } from '../subject-rows';
import { emptyTallies } from '@idx/domain';
import type { TallyRow } from '../unit-period-tallies';

const MARCH = Date.parse('2025-03-02T08:00:00+07:00');

const dossier = (key: string, unitCode: string): SubjectRow => ({
  kind: 'dossier', key, unitCode, window: { from: MARCH }, facts: { note: `facts of ${key}` }, lastPosition: 7n, scoredAt: MARCH + 1,
});

describe('a scoring batch\'s combined writes and first read (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;

  beforeAll(async () => {
    db = await createTestDatabase('bwrites');
    await migrateDatabase(db.pool);
    // One connection: a setting left behind by a transaction would show on the next one.
    prisma = createReadModelClient(db.url, 1);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  beforeEach(() => db.pool.query('TRUNCATE subject_facts, unit_period_tallies, pending_recomputes, parked_subjects CASCADE'));

  const count = async (table: string): Promise<number> => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  it('writes subjects, moved tallies and owed periods together, and any part alone', async () => {
    const tally: TallyRow = { unitCode: 'HY-SYT', period: '2025-03', tallies: emptyTallies(), subjects: 2, rebasedAt: MARCH };
    await projectorTransaction(prisma, (tx) => saveBatchWrites(tx, {
      subjects: [dossier('D-1', 'HY-SYT'), dossier('D-2', 'HY-SYT')],
      tallies: [tally],
      pending: { projection: 'scoring', keys: [{ unitCode: 'HY-SYT', period: '2025-Q1' }, { unitCode: 'HY-SYT', period: '2025' }] },
    }));
    expect(await count('subject_facts')).toBe(2);
    const stored = await db.pool.query<{ unit_code: string; period: string; subjects: number; rebased_at: string }>(
      'SELECT unit_code, period, subjects, rebased_at::text FROM unit_period_tallies',
    );
    expect(stored.rows).toEqual([{ unit_code: 'HY-SYT', period: '2025-03', subjects: 2, rebased_at: String(MARCH) }]);
    const pending = await db.pool.query<{ projection: string; unit_code: string; period: string }>('SELECT projection, unit_code, period FROM pending_recomputes ORDER BY period');
    expect(pending.rows).toEqual([{ projection: 'scoring', unit_code: 'HY-SYT', period: '2025' }, { projection: 'scoring', unit_code: 'HY-SYT', period: '2025-Q1' }]);

    // A subject alone (a batch that moved no tally and owes nothing), upserted over the stored one.
    await projectorTransaction(prisma, (tx) => saveBatchWrites(tx, { subjects: [{ ...dossier('D-1', 'HY-STP'), facts: { note: 'moved' } }], tallies: [] }));
    const { subjects } = await projectorTransaction(prisma, (tx) => loadSubjectsProbingParked(tx, [{ kind: 'dossier', key: 'D-1' }]));
    expect(subjects.get('dossier\u0000D-1')).toEqual({ facts: { note: 'moved' }, unitCode: 'HY-STP', window: { from: MARCH }, scoredAt: MARCH + 1 });
    // Owed periods alone: noted once however often.
    await projectorTransaction(prisma, (tx) => saveBatchWrites(tx, { subjects: [], tallies: [], pending: { projection: 'scoring', keys: [{ unitCode: 'HY-SYT', period: '2025' }] } }));
    expect(await count('pending_recomputes')).toBe(2);
    expect(await count('subject_facts')).toBe(2);
  });

  it('answers whether any subject is parked with the subjects\' read, even when none of them is stored', async () => {
    await projectorTransaction(prisma, (tx) => saveBatchWrites(tx, { subjects: [dossier('D-1', 'HY-SYT')], tallies: [] }));
    const keys = [{ kind: 'dossier', key: 'D-1' }, { kind: 'dossier', key: 'D-unknown' }];
    const none = await projectorTransaction(prisma, (tx) => loadSubjectsProbingParked(tx, keys));
    expect(none.anyParked).toBe(false);
    expect([...none.subjects.keys()]).toEqual(['dossier\u0000D-1']);

    await db.pool.query("INSERT INTO parked_subjects (kind, key, unit_code, error) VALUES ('dossier', 'D-9', 'HY-SYT', 'evolve threw')");
    const parked = await projectorTransaction(prisma, (tx) => loadSubjectsProbingParked(tx, [{ kind: 'dossier', key: 'D-unknown' }]));
    expect(parked).toEqual({ subjects: new Map(), anyParked: true });
    // A skipped (resolved) parking holds nothing back.
    await db.pool.query("UPDATE parked_subjects SET status = 'skipped'");
    expect((await projectorTransaction(prisma, (tx) => loadSubjectsProbingParked(tx, keys))).anyParked).toBe(false);
  });

  it('commits the projector\'s transactions without waiting for the WAL flush, and leaves the connection as it was', async () => {
    const setting = (tx: { $queryRawUnsafe<T>(q: string): Promise<T> }) => tx.$queryRawUnsafe<{ s: string }[]>("SELECT current_setting('synchronous_commit') AS s");
    expect((await projectorTransaction(prisma, setting))[0].s).toBe('off');
    const pool = poolOfReadModels(prisma);
    expect(pool).toBeDefined();
    // The same (only) connection of the pool, outside the projector's transaction: the server's default again.
    expect((await pool?.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))?.rows[0].s).toBe('on');
    // A rolled-back transaction leaves nothing of it either.
    await expect(projectorTransaction(prisma, async () => { throw new Error('stop'); })).rejects.toThrow('stop');
    expect((await pool?.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s"))?.rows[0].s).toBe('on');
  });

  it('reads and locks its checkpoint with the BEGIN, whatever the projection is named, and applies a batch once', async () => {
    await db.pool.query('TRUNCATE unit_period_scores, finished_scores, projection_checkpoints');
    const store = new PostgresEventStore(db.pool);
    const d = dossierEvents('HY-SYT', 'D-Q');
    const events = [unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY'), d.received('2025-03-03T08:00:00', '2025-03-05T17:00:00'), d.processed('2025-03-04T10:00:00')];
    await store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
    const batch = await store.readAll(START, 100);
    const name = "it's scoring"; // a quote in the name: the checkpoint's statement goes with the BEGIN as a literal
    const clock = () => Date.parse('2025-05-10T12:00:00+07:00');
    const first = await new ScoringProjector(prisma, { name, clock }).handle(batch);
    expect(first.map((c) => c.period)).toContain('2025-03');
    const stored = await db.pool.query<{ name: string; position: string }>('SELECT name, position::text FROM projection_checkpoints');
    expect(stored.rows).toEqual([{ name, position: batch.checkpoint.position.toString() }]);
    // Another instance under the same name reads that checkpoint: the batch is not applied twice.
    expect(await new ScoringProjector(prisma, { name, clock }).handle(batch)).toEqual([]);
    // A projection of another name has no checkpoint yet: it takes the batch (the figures, already written, do not move).
    await new ScoringProjector(prisma, { name: 'other', clock }).handle(batch);
    const both = await db.pool.query<{ name: string; position: string }>('SELECT name, position::text FROM projection_checkpoints ORDER BY name');
    expect(both.rows).toEqual([{ name, position: batch.checkpoint.position.toString() }, { name: 'other', position: batch.checkpoint.position.toString() }]);
  });
});
