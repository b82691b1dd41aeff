import { randomUUID } from 'node:crypto';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, START } from '@idx/event-store';
import { at, createTestDatabase, dossierEvents, type TestDatabase, unitRegistered } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ProjectionRebuild } from '../../rebuild/projection-rebuild';
import { recomputeUnitPeriods, type ScoreChange } from '../recompute-score';
import { ScoringProjector } from '../scoring-projector';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');
/** The live projector's clock after the rebuild: a unit-period it sums whole again is stamped with it. */
const LATER = NOW + 3_600_000;

function dissolved(unitCode: string, effectiveFrom: string): DomainEvent {
  return { eventId: randomUUID(), schemaVersion: 1, occurredAt: at(`${effectiveFrom}T08:00:00`), sourceSystem: 'test', unitCode, type: 'unit.dissolved', data: { effectiveFrom } } as DomainEvent;
}

describe('projection = replay, after subjects leave unit-periods (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('replay');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
  const scores = () => prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, periodKind: true, ruleSetId: true, figures: true, score: true, total: true } });
  const subjects = async () => (await db.pool.query('SELECT kind, key, unit_code, window_from, window_to, facts FROM subject_facts ORDER BY kind, key')).rows;
  // Only rows made from the current subject_facts count (the projector ignores the others).
  const tallies = async () => (await db.pool.query(
    `SELECT unit_code, period, tallies, subjects, rebased_at::text AS rebased_at FROM unit_period_tallies
     WHERE facts_file = pg_relation_filenode('subject_facts') ORDER BY unit_code, period`,
  )).rows;
  const periodsOf = async (unit: string) => (await scores()).filter((r) => r.unitCode === unit).map((r) => r.period);

  it('deletes the unit-periods a subject left (window moved to another month, unit dissolved earlier), notifies it, and equals a rebuild row for row', async () => {
    let projector = new ScoringProjector(prisma, { clock: () => NOW });
    let checkpoint: Checkpoint = START;
    const changes: ScoreChange[] = [];
    const drain = async () => {
      const head = BigInt((await db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p);
      // Visibility is cluster-wide (another suite's open transaction can hold it back): read until the head is seen.
      for (let seen = 0n; seen < head;) {
        const batch = await store.readAll(checkpoint, 2);
        if (batch.events.length === 0) {
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        seen = batch.events.reduce((max, e) => (e.globalPosition > max ? e.globalPosition : max), seen);
        changes.push(...(await projector.handle(batch)));
        checkpoint = batch.checkpoint;
      }
      changes.push(...(await projector.flushPending()));
    };

    await append([
      // HY-A and HY-B registered from May: only their dossiers reach March and April (a unit's own
      // subject counts only once it is competent to certify copies, criterion 15).
      unitRegistered('HY-A', 'Sở A', 'department', 'HY', '2025-05-01T00:00:00'),
      unitRegistered('HY-B', 'Sở B', 'department', 'HY', '2025-05-01T00:00:00'),
      // HY-C from January, with no dossier but competent to certify: its own subject is all it has.
      unitRegistered('HY-C', 'Sở C', 'department', 'HY', '2025-01-01T00:00:00'),
      {
        eventId: randomUUID(), type: 'unit.certification-competence-set', schemaVersion: 1, occurredAt: at('2025-01-01T00:00:00'),
        sourceSystem: 'test-one-stop', unitCode: 'HY-C', data: { competent: true, effectiveFrom: '2025-01-01' },
      },
      dossierEvents('HY-A', 'D1').received('2025-03-10T08:00:00', '2025-03-20T17:00:00'),
      dossierEvents('HY-A', 'D1').processed('2025-03-12T08:00:00'),
      dossierEvents('HY-B', 'D1').received('2025-04-10T08:00:00', '2025-04-20T17:00:00'),
      dossierEvents('HY-B', 'D1').processed('2025-04-11T08:00:00'),
    ]);
    await drain();
    expect(await periodsOf('HY-A')).toEqual(['2025', '2025-03', '2025-H1', '2025-Q1']);
    expect(await periodsOf('HY-C')).toEqual(['2025', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-H1', '2025-Q1', '2025-Q2']);

    // The source corrects HY-A's dossier: received and processed in April, not March. HY-C is dissolved from April 1.
    changes.length = 0;
    await append([
      dossierEvents('HY-A', 'D1').received('2025-04-02T08:00:00', '2025-04-12T17:00:00'),
      dossierEvents('HY-A', 'D1').processed('2025-04-03T08:00:00'),
      dissolved('HY-C', '2025-04-01'),
    ]);
    await drain();
    expect(await periodsOf('HY-A')).toEqual(['2025', '2025-04', '2025-H1', '2025-Q2']);
    // Dissolved at the first instant of April: the window's end counts in April (inclusive, as in a replay), not in May.
    expect(await periodsOf('HY-C')).toEqual(['2025', '2025-01', '2025-02', '2025-03', '2025-04', '2025-H1', '2025-Q1', '2025-Q2']);
    expect(changes).toEqual(expect.arrayContaining([
      { unitCode: 'HY-A', period: '2025-03', total: 0, removed: true },
      { unitCode: 'HY-A', period: '2025-Q1', total: 0, removed: true },
      { unitCode: 'HY-C', period: '2025-05', total: 0, removed: true },
    ]));

    const live = { scores: await scores(), subjects: await subjects() };
    const report = await new ProjectionRebuild(db.pool, store, { clock: () => NOW }).run();
    expect(report.unitPeriods).toBe(live.scores.length);
    expect(await scores()).toEqual(live.scores);
    expect(await subjects()).toEqual(live.subjects);

    // The rebuild leaves the tallies its scores were made of, valid for the new subject_facts.
    // HY-A's April by hand: one in-person dossier of P-1 received 2 April, due the 12th, processed the
    // 3rd: received, on time (5), satisfied-or-silent and on time (21), completed without an e-result.
    const rebuilt = await tallies();
    expect(rebuilt.find((t) => t.unit_code === 'HY-A' && t.period === '2025-04')).toEqual({
      unit_code: 'HY-A', period: '2025-04', subjects: 1, rebased_at: String(NOW),
      tallies: { dossiers: { '=P-1': { received: 1, c5d: 1, c5n: 1, c21n: 1, completed: 1 } }, petitions: {} },
    });
    // One row per unit-period scored (every period here has begun), and each equals the live
    // projector's sum from every stored subject (its rebase).
    expect(rebuilt.map((t) => `${t.unit_code} ${t.period}`)).toEqual(live.scores.map((r) => `${r.unitCode} ${r.period}`));
    await prisma.$transaction((tx) => recomputeUnitPeriods(tx, live.scores.map((r) => ({ unitCode: r.unitCode, period: r.period })), 0n, NOW, { rebase: true }));
    expect(await tallies()).toEqual(rebuilt);

    // Live again after the rebuild, an hour later: a second dossier for HY-B in April, HY-A's received
    // again on the 20th (after its processing: a window whose end is before its start). The projector moves the rebuild's tallies (rows still stamped with the rebuild's
    // instant, not summed whole at its own) and ends where a rebuild of all the events ends.
    projector = new ScoringProjector(prisma, { clock: () => LATER });
    checkpoint = (await db.pool.query<{ transaction_id: string; position: string }>(`SELECT transaction_id::text, position::text FROM projection_checkpoints WHERE name = 'scoring'`)).rows
      .map((r) => ({ transactionId: BigInt(r.transaction_id), position: BigInt(r.position) }))[0];
    await append([
      dossierEvents('HY-B', 'D2').received('2025-04-15T08:00:00', '2025-04-25T17:00:00', 'online'),
      dossierEvents('HY-A', 'D1').received('2025-04-20T08:00:00', '2025-04-28T17:00:00'),
      // A code with what COPY's text format must escape (the rebuild writes subjects with COPY).
      dossierEvents('HY-B', 'D\t3\n\\N\r').received('2025-04-16T08:00:00', '2025-04-26T17:00:00'),
    ]);
    await drain();
    const afterLive = await tallies();
    const hyB = afterLive.find((t) => t.unit_code === 'HY-B' && t.period === '2025-04');
    expect(hyB).toMatchObject({ subjects: 3, rebased_at: String(NOW) });
    const liveAgain = { scores: await scores(), subjects: await subjects() };
    expect(liveAgain.subjects.map((r) => r.key)).toContain('HY-B/D\t3\n\\N\r');
    const indexes = () => db.pool.query<{ def: string }>(
      `SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+', 'CREATE \\1INDEX') AS def FROM pg_indexes WHERE tablename = 'subject_facts' ORDER BY 1`,
    ).then((r) => r.rows.map((x) => x.def));
    const indexesBefore = await indexes();
    await new ProjectionRebuild(db.pool, store, { clock: () => LATER }).run();
    expect(await scores()).toEqual(liveAgain.scores);
    expect(await subjects()).toEqual(liveAgain.subjects);
    // The subjects are loaded bare and indexed after: the same indexes (PostgreSQL names them).
    expect(indexesBefore).toHaveLength(4);
    expect(await indexes()).toEqual(indexesBefore);
    expect((await tallies()).map(({ rebased_at: _, ...t }) => t)).toEqual(afterLive.map(({ rebased_at: _, ...t }) => t));
  });
});
