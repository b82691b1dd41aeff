import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { createReadModelClient, migrateDatabase, poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import { saveBatchWrites } from '../batch-writes';
import { projectorTransaction } from '../scoring-projector';
import { loadSubjects, loadSubjectsProbingParked, type SubjectRow } from '../subject-rows';
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
    const subjects = await projectorTransaction(prisma, (tx) => loadSubjects(tx, [{ kind: 'dossier', key: 'D-1' }]));
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
});
