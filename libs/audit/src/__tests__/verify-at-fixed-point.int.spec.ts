import type { VerifyReportDto } from '@idx/contracts';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, PostgresEventSubscription, PostgresHistoryReader, START } from '@idx/event-store';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered, waitFor } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '@idx/scoring-projection';
import { AuditService } from '../audit-service';

const UNITS = ['HY-SXD', 'HY-STP'];
/** Verifies to run while the stream goes on. */
const VERIFIES = 10;

/**
 * Round r adds, for each department, one dossier of February 2025: on time when r is even
 * (processed a day after receipt, due three days after), three days late when r is odd.
 */
function round(r: number): DomainEvent[] {
  const day = 3 + (r % 15);
  const dd = (n: number) => `2025-02-${String(n).padStart(2, '0')}`;
  return UNITS.flatMap((unit) => {
    const d = dossierEvents(unit, `R${r}`);
    return [d.received(`${dd(day)}T08:00:00`, `${dd(day + 3)}T17:00:00`), d.processed(`${dd(day + (r % 2 === 0 ? 1 : 6))}T10:00:00`)];
  });
}

describe('verify compares the projection and the replay at one fixed point (real PostgreSQL, the projector running)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;
  let audit: AuditService;
  let subscription: PostgresEventSubscription;
  let projecting: Promise<void>;
  let rounds = 0;

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
  const head = async () => BigInt((await db.pool.query<{ p: string }>('SELECT coalesce(max(global_position), 0)::text AS p FROM events')).rows[0].p);

  beforeAll(async () => {
    db = await createTestDatabase('verify_fixed_point');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 4);
    store = new PostgresEventStore(db.pool);
    audit = new AuditService(prisma, new PostgresHistoryReader(db.pool), Date.now, { settleWaitMs: 30_000 });
    const projector = new ScoringProjector(prisma);
    // As apps/scoring runs it (projection-runner.ts): owed longer periods flushed each time it catches up.
    subscription = new PostgresEventSubscription(db.pool, store, { batchSize: 500, idleWaitMs: 100 });
    projecting = subscription.run(START, async (batch) => {
      await projector.handle(batch, { deferRecompute: batch.events.length >= 500 });
    }, async () => {
      await projector.flushPending();
    });
    await append([
      unitRegistered('HY', 'UBND tỉnh Hưng Yên', 'province', undefined, '2025-01-01T00:00:00'),
      unitRegistered('HY-SXD', 'Sở Xây dựng', 'department', 'HY', '2025-01-01T00:00:00'),
      unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY', '2025-01-01T00:00:00'),
    ]);
    // The units' own periods (every month since January 2025) projected before the stream starts.
    await waitFor(async () => (await prisma.projectionCheckpoint.findFirst())?.position === (await head())
      && (await prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM pending_recomputes')).length === 0, { what: 'the registrations projected', timeoutMs: 60_000 });
  });
  afterAll(async () => {
    subscription?.stop();
    await projecting;
    await prisma.$disconnect();
    await db.drop();
  });

  it('never reports a mismatch while events stream in, month and quarter alike, each at the checkpoint it read', async () => {
    let verifying = true;
    const reports: { report: VerifyReportDto; headAfter: bigint }[] = [];
    // Appends go on, as fast as the store takes them, until the verifies are done.
    const stream = (async () => {
      while (verifying && rounds < 1000) await append(round(rounds++));
    })();
    const verifyLoop = (async () => {
      try {
        for (let i = 0; i < VERIFIES; i++) {
          const report = await audit.verify('HY', i % 2 === 0 ? '2025-02' : '2025-Q1');
          reports.push({ report, headAfter: await head() });
        }
      } finally {
        verifying = false;
      }
    })();
    await Promise.all([stream, verifyLoop]);

    const mismatches = reports.filter((r) => !r.report.match).map((r) => ({ position: r.report.position, differences: r.report.differences, rows: r.report.rowDifferences }));
    expect(mismatches).toEqual([]);
    // The load was real: verifies saw different checkpoints, and some ran while the log was ahead of the projection.
    expect(new Set(reports.map((r) => r.report.position)).size).toBeGreaterThanOrEqual(3);
    expect(reports.some((r) => r.headAfter > BigInt(r.report.position))).toBe(true);
    // Each report replayed exactly the events up to its position: 3 registrations + 4 events a round.
    for (const { report } of reports) expect(report.eventsReplayed).toBeLessThanOrEqual(3 + 4 * rounds);

    // Once the projection has caught up, verify compares at the head: every event replayed.
    const all = await head();
    const final = await waitFor(async () => {
      const report = await audit.verify('HY', '2025-02');
      return BigInt(report.position) === all ? report : undefined;
    }, { what: 'the projection at the head', timeoutMs: 30_000 });
    expect(final).toMatchObject({ match: true, eventsReplayed: 3 + 4 * rounds, differences: [], rowDifferences: [], brokenStreams: [] });
  });

  it('still catches a stored row changed behind the projector, column by column', async () => {
    const { total } = await prisma.unitPeriodScore.findUniqueOrThrow({ where: { unitCode_period: { unitCode: 'HY-SXD', period: '2025-02' } } });
    await db.pool.query(`UPDATE unit_period_scores SET total = total + 5 WHERE unit_code = 'HY-SXD' AND period = '2025-02'`);
    const report = await audit.verify('HY-SXD', '2025-02');
    expect(report.match).toBe(false);
    expect(report.rowDifferences).toEqual([{ unitCode: 'HY-SXD', column: 'total', stored: total + 5, recomputed: total }]);
    await db.pool.query(`UPDATE unit_period_scores SET total = $1 WHERE unit_code = 'HY-SXD' AND period = '2025-02'`, [total]);
    expect((await audit.verify('HY-SXD', '2025-02')).match).toBe(true);
  });

  it('checks the finished row too: a stored finished total or pool changed behind the projector is caught', async () => {
    const before = await prisma.finishedScore.findUniqueOrThrow({ where: { unitCode_period: { unitCode: 'HY-SXD', period: '2025-02' } } });
    await db.pool.query(`UPDATE finished_scores SET total = total + 1, pooled_units = array_append(pooled_units, 'HY-FAKE') WHERE unit_code = 'HY-SXD' AND period = '2025-02'`);
    const report = await audit.verify('HY-SXD', '2025-02');
    expect(report.match).toBe(false);
    expect(report.rowDifferences).toEqual(expect.arrayContaining([
      { unitCode: 'HY-SXD', column: 'finished total', stored: before.total + 1, recomputed: before.total },
      { unitCode: 'HY-SXD', column: 'finished pooled_units', stored: [...before.pooledUnits, 'HY-FAKE'], recomputed: before.pooledUnits },
    ]));
    await db.pool.query(`UPDATE finished_scores SET total = $1, pooled_units = $2 WHERE unit_code = 'HY-SXD' AND period = '2025-02'`, [before.total, before.pooledUnits]);
    expect((await audit.verify('HY-SXD', '2025-02')).match).toBe(true);
  });

  it('still catches a rewritten event: the chain breaks and the recomputed criterion 5 differs', async () => {
    // R1 of HY-SXD was processed on 10 February, due 7 February: late. Rewritten to 5 February, it is on time.
    const stream = 'dossier-HY-SXD-R1';
    await db.pool.query(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-02-05T10:00:00+07:00"') WHERE stream_id = $1 AND stream_version = 2`, [stream]);
    const report = await audit.verify('HY-SXD', '2025-02');
    expect(report.match).toBe(false);
    expect(report.brokenStreams).toEqual([{ streamId: stream, brokenAt: 2 }]);
    // One dossier a round, those of odd rounds late: ⌈rounds/2⌉ on time stored, one more once R1 is rewritten.
    const onTime = Math.ceil(rounds / 2);
    expect(report.differences).toContainEqual({ unitCode: 'HY-SXD', criterion: 5, stored: { numerator: onTime, denominator: rounds }, recomputed: { numerator: onTime + 1, denominator: rounds } });
  });
});
