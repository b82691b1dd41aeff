import { randomUUID } from 'node:crypto';
import { dossierProjection, type DomainEvent, streamIdOf, SUBJECT_PROJECTIONS, type SubjectProjection } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, START } from '@idx/event-store';
import { at, createTestDatabase, dossierEvents, poisonedAnnouncement, type TestDatabase, waitFor } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ProjectionRebuild } from '../../rebuild/projection-rebuild';
import { ParkedSubjects } from '../parked-queries';
import { ScoringProjector } from '../scoring-projector';
import { scoringHealth } from '../scoring-health';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');

function published(unitCode: string, procedureCode: string, occurredAt: string): DomainEvent {
  return { eventId: randomUUID(), schemaVersion: 1, occurredAt: at(occurredAt), sourceSystem: 'test', unitCode, type: 'procedure.published', procedureCode, data: {} } as DomainEvent;
}

describe('scoring never halts: parking per subject (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
  /** Projects everything stored after `from`, in batches; answers the new checkpoint. */
  async function drain(projector: ScoringProjector, from: Checkpoint, batchSize = 3): Promise<Checkpoint> {
    let checkpoint = from;
    const head = BigInt((await db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p);
    // Visibility is cluster-wide (another suite's open transaction can hold it back): read until the head is seen.
    for (let seen = 0n; ;) {
      const batch = await store.readAll(checkpoint, batchSize);
      if (batch.events.length === 0) {
        if (seen >= head || checkpoint.position >= head) return checkpoint;
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      seen = batch.events.reduce((max, e) => (e.globalPosition > max ? e.globalPosition : max), seen);
      await projector.handle(batch);
      checkpoint = batch.checkpoint;
    }
  }
  const total = async (unit: string, period: string) =>
    (await prisma.unitPeriodScore.findUnique({ where: { unitCode_period: { unitCode: unit, period } } }))?.figures as Record<string, { denominator: number }> | undefined;

  beforeEach(async () => {
    db = await createTestDatabase('park');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
  });
  afterEach(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('parks the poisoned subject with its later events, keeps scoring the others, and is ok again once an auditor skips it', async () => {
    const projector = new ScoringProjector(prisma, { clock: () => NOW });
    await append([
      dossierEvents('HY-A', 'D1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'),
      poisonedAnnouncement('HY-A', 'P-BAD'),
      dossierEvents('HY-B', 'D1').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'),
      published('HY-A', 'P-BAD', '2025-03-05T08:00:00'), // held behind the poison
      dossierEvents('HY-B', 'D2').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'),
    ]);
    let checkpoint = await drain(projector, START);

    expect((await total('HY-A', '2025-03'))?.['5'].denominator).toBe(1);
    expect((await total('HY-B', '2025-03'))?.['5'].denominator).toBe(2);
    const parked = await new ParkedSubjects(prisma).list();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ kind: 'procedure', key: 'HY-A/P-BAD', unitCode: 'HY-A', status: 'parked', error: expect.stringContaining('"0000-01-01" is not a date') });
    expect(parked[0].events.map((e) => [e.type, e.error === null])).toEqual([['procedure.announced', false], ['procedure.published', true]]);
    const subject = await db.pool.query(`SELECT 1 FROM subject_facts WHERE kind = 'procedure'`);
    expect(subject.rowCount).toBe(0);

    // Later batches: the other units keep moving; the parked subject's new events are held too.
    await append([dossierEvents('HY-B', 'D3').received('2025-03-06T08:00:00', '2025-03-13T17:00:00'), published('HY-A', 'P-BAD', '2025-03-07T08:00:00')]);
    checkpoint = await drain(projector, checkpoint);
    expect((await total('HY-B', '2025-03'))?.['5'].denominator).toBe(3);
    expect((await new ParkedSubjects(prisma).list())[0].events).toHaveLength(3);

    const degraded = await scoringHealth(prisma, store, projector.name, 60, NOW);
    expect(degraded).toMatchObject({ status: 'degraded', parked: { count: 1, oldest: { key: 'HY-A/P-BAD' } }, checkpoint: { eventsWaiting: false } });

    // Retrying the poison fails again and changes nothing but the parking's last error.
    expect(await projector.retryParked(BigInt(parked[0].id))).toMatchObject({ status: 'still-failing', error: expect.stringContaining('0000-01-01') });
    expect(await new ParkedSubjects(prisma).list()).toHaveLength(1);

    const skipped = await new ParkedSubjects(prisma).skip(BigInt(parked[0].id), 'year 0000 is no decision date; the unit re-sends it', 'auditor-1');
    expect(skipped).toMatchObject({ status: 'skipped', resolvedBy: 'auditor-1', reason: expect.stringContaining('re-sends') });
    expect(skipped?.events.every((e) => e.status === 'skipped')).toBe(true);
    expect(await new ParkedSubjects(prisma).skip(BigInt(parked[0].id), 'again', 'auditor-1')).toBeUndefined();
    expect((await scoringHealth(prisma, store, projector.name, 60, NOW)).status).toBe('ok');

    // Unparked from the next event on: a good announcement now folds.
    await append([{ ...poisonedAnnouncement('HY-A', 'P-BAD'), data: { decisionCode: 'QD-1', decisionDate: '2025-03-01', legalBasisEffectiveDate: '2025-01-01' } } as DomainEvent]);
    await drain(projector, checkpoint);
    expect((await db.pool.query(`SELECT 1 FROM subject_facts WHERE kind = 'procedure' AND key = 'HY-A/P-BAD'`)).rowCount).toBe(1);

    // A replay skips what the auditor skipped and lands on the same scores.
    await projector.flushPending();
    const live = await prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true } });
    await new ProjectionRebuild(db.pool, store, { clock: () => NOW }).run();
    expect(await prisma.unitPeriodScore.findMany({ orderBy: [{ unitCode: 'asc' }, { period: 'asc' }], select: { unitCode: true, period: true, figures: true, total: true } })).toEqual(live);
    expect(await new ParkedSubjects(prisma).list()).toEqual([]);
  });

  it('applies a parked subject on retry once what broke it is fixed, and reports a stalled checkpoint while events wait', async () => {
    let broken = true;
    // A dossier projection that fails while `broken` — standing in for a domain bug fixed by a deploy.
    const flaky: SubjectProjection = { ...dossierProjection, evolve: (s, e) => { if (broken && e.unitCode === 'HY-A') throw new Error('bug #1'); return dossierProjection.evolve(s as never, e); } } as SubjectProjection;
    const projector = new ScoringProjector(prisma, { clock: () => NOW, projections: [flaky, ...SUBJECT_PROJECTIONS.filter((p) => p.kind !== 'dossier')] });
    await append([
      dossierEvents('HY-A', 'D1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'),
      dossierEvents('HY-A', 'D1').processed('2025-03-04T08:00:00'),
      dossierEvents('HY-B', 'D1').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'),
    ]);
    await drain(projector, START, 10);
    expect(await total('HY-A', '2025-03')).toBeUndefined();
    const [parking] = await new ParkedSubjects(prisma).list();
    expect(parking.events).toHaveLength(2);

    broken = false;
    const outcome = await projector.retryParked(BigInt(parking.id));
    expect(outcome).toMatchObject({ status: 'applied', events: 2 });
    expect((await total('HY-A', '2025-03'))?.['5'].denominator).toBe(1);
    expect((await total('HY-A', '2025-Q1'))?.['5'].denominator).toBe(1);
    expect(await new ParkedSubjects(prisma).list()).toEqual([]);
    expect(await projector.retryParked(BigInt(parking.id))).toEqual({ status: 'not-found' });

    // Events beyond a checkpoint that has not moved for 2 minutes: degraded, with the reason.
    await append([dossierEvents('HY-B', 'D2').received('2025-03-05T08:00:00', '2025-03-12T17:00:00')]);
    // Waiting events are seen in the readers' gap-free order: another suite's open transaction on the
    // same server can hold the new one back for a moment, so wait until it is visible.
    const stalled = await waitFor(async () => {
      const health = await scoringHealth(prisma, store, projector.name, 60, Date.now() + 120_000);
      return health.checkpoint.eventsWaiting ? health : undefined;
    }, { what: 'the appended event to be visible to readers' });
    expect(stalled).toMatchObject({ status: 'degraded', checkpoint: { eventsWaiting: true }, reasons: [expect.stringContaining('has not moved')] });
    expect((await scoringHealth(prisma, store, projector.name, 60, Date.now())).status).toBe('ok');
  });
});
