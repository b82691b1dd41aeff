import { randomUUID } from 'node:crypto';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore } from '@idx/event-store';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { at, createTestDatabase, dossierEvents, poisonedAnnouncement, type TestDatabase, unitRegistered } from '@idx/testing';
import { DEFAULT_RESIDENT_SUBJECTS, ProjectionRebuild } from '../projection-rebuild';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');

const day = (d: number): string => String(d).padStart(2, '0');
const petition = (type: string, occurredAt: string, data: Record<string, unknown>): DomainEvent =>
  ({ eventId: randomUUID(), schemaVersion: 1, occurredAt: at(occurredAt), sourceSystem: 'test', unitCode: 'HY-A', type, petitionCode: 'Q1', data }) as DomainEvent;
const published = (occurredAt: string): DomainEvent =>
  ({ eventId: randomUUID(), schemaVersion: 1, occurredAt: at(occurredAt), sourceSystem: 'test', unitCode: 'HY-A', type: 'procedure.published', procedureCode: 'P-BAD', data: {} }) as DomainEvent;

/**
 * Eight dossiers D0–D7 (even: HY-A, odd: HY-B), D<i> received 3+i March, due 6+i March at 17:00.
 * All are received before any is processed, so with one subject resident each later event finds
 * its subject spilled and reads it back.
 */
function history(): DomainEvent[] {
  const unit = (i: number) => (i % 2 === 0 ? 'HY-A' : 'HY-B');
  const d = (i: number) => dossierEvents(unit(i), `D${i}`);
  return [
    unitRegistered('HY-A', 'Sở A', 'department', 'HY', '2025-01-01T00:00:00'),
    unitRegistered('HY-B', 'Sở B', 'department', 'HY', '2025-01-01T00:00:00'),
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => d(i).received(`2025-03-${day(3 + i)}T08:00:00`, `2025-03-${day(6 + i)}T17:00:00`)),
    petition('petition.received', '2025-03-10T08:00:00', { dueAt: at('2025-03-20T17:00:00'), withinCompetence: true }),
    poisonedAnnouncement('HY-A', 'P-BAD'),
    // D0–D2 the next morning (on time), D3–D5 two days after their due day (late); D6, D7 stay open.
    ...[0, 1, 2].map((i) => d(i).processed(`2025-03-${day(4 + i)}T08:00:00`)),
    ...[3, 4, 5].map((i) => d(i).processed(`2025-03-${day(8 + i)}T08:00:00`)),
    petition('petition.answered', '2025-03-15T08:00:00', {}),
    published('2025-03-16T08:00:00'), // held behind the poison
    // The source corrects D0: received and processed in April (its window leaves March).
    d(0).received('2025-04-02T08:00:00', '2025-04-12T17:00:00'),
    d(0).processed('2025-04-03T08:00:00'),
    // Received after the rebuild's instant: HY-B gets periods not begun yet, which its open D7 overlaps.
    dossierEvents('HY-B', 'D8').received('2025-07-01T08:00:00', '2025-07-05T17:00:00'),
  ];
}

describe('a rebuild with a tiny resident bound equals one holding every subject (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('spill');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
    await store.appendMany(history().map((event) => ({ streamId: streamIdOf(event), event })));
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const q = async (sql: string) => (await db.pool.query(sql)).rows;
  /** Everything a rebuild writes, in a stable order (tallies only those valid for the current subject_facts). */
  const snapshot = async () => ({
    subjects: await q('SELECT kind, key, unit_code, window_from, window_to, facts, last_position::text, scored_at FROM subject_facts ORDER BY kind, key'),
    scores: await q('SELECT unit_code, period, period_kind, rule_set_id, figures, score, total, last_position::text FROM unit_period_scores ORDER BY unit_code, period'),
    tallies: await q(`SELECT unit_code, period, tallies, subjects, rebased_at::text FROM unit_period_tallies
                      WHERE facts_file = pg_relation_filenode('subject_facts') ORDER BY unit_code, period`),
    failed: await q('SELECT unit_code, period, error FROM failed_recomputes ORDER BY unit_code, period'),
    parked: await q(`SELECT p.kind, p.key, p.error, array_agg(e.event_id ORDER BY e.position) AS events FROM parked_subjects p
                     JOIN parked_events e ON e.parked_id = p.id WHERE p.status = 'parked' GROUP BY p.kind, p.key, p.error ORDER BY p.kind, p.key`),
    indexes: await q(`SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+', 'CREATE \\1INDEX') AS def FROM pg_indexes WHERE tablename = 'subject_facts' ORDER BY 1`),
  });

  it('writes the same subjects, tallies, scores, parkings and indexes read in the log order, with every later event reading its subject back', async () => {
    const whole = await new ProjectionRebuild(db.pool, store, { clock: () => NOW, pageSize: 3, order: 'log' }).run();
    expect(whole.spill).toEqual({ resident: DEFAULT_RESIDENT_SUBJECTS, spilled: 0, reloaded: 0 });
    const expected = await snapshot();

    const stages: string[] = [];
    const spilled = await new ProjectionRebuild(db.pool, store, { clock: () => NOW, pageSize: 3, resident: 1, order: 'log' }).run((stage) => {
      if (stages[stages.length - 1] !== stage) stages.push(stage);
    });
    expect(stages).toEqual(['fold', 'write', 'switch']);
    // 9 dossiers and a petition, at most one in memory after each page of 3 events: the later events
    // (6 processed, the answer, D0's correction) find their subjects spilled and read them back.
    expect(spilled.spill.resident).toBe(1);
    expect(spilled.spill.reloaded).toBeGreaterThanOrEqual(8);
    expect(spilled.spill.spilled).toBeGreaterThanOrEqual(spilled.spill.reloaded + 9);
    expect({ ...spilled, seconds: undefined, phases: undefined, spill: undefined }).toEqual({ ...whole, seconds: undefined, phases: undefined, spill: undefined });
    const actual = await snapshot();
    expect(actual).toEqual(expected);

    // By hand (DOMAIN.md criterion 5: received by the evaluation instant, not ended before the period;
    // on time when ended by the due time). HY-A's March: D2 on time, D4 late, D6 open past its due day
    // (D0 moved to April) → 1 of 3. HY-B's March: D1 on time, D3, D5 late, D7 open and late → 1 of 4.
    const figure = (unit: string, period: string) => (actual.scores.find((r) => r.unit_code === unit && r.period === period)?.figures as Record<string, unknown>)?.['5'];
    expect(figure('HY-A', '2025-03')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figure('HY-B', '2025-03')).toMatchObject({ numerator: 1, denominator: 4 });
    // HY-B's third quarter has not begun at the rebuild's instant (D8 made it): D7 is the only dossier
    // received by then and not ended before July, late → 0 of 1.
    expect(figure('HY-B', '2025-Q3')).toMatchObject({ numerator: 0, denominator: 1 });
    // HY-A's April tallies: D0 received 2 April and processed the next day, on time, counted in full
    // (received, on time, satisfied-or-silent and on time, completed); D6 still open and late (c5 only).
    // Its March: the petition received the 10th, answered the 15th before its due day the 20th.
    const tally = (unit: string, period: string) => actual.tallies.find((t) => t.unit_code === unit && t.period === period);
    expect(tally('HY-A', '2025-04')).toEqual({
      unit_code: 'HY-A', period: '2025-04', subjects: 2, rebased_at: String(NOW),
      tallies: { dossiers: { '=P-1': { received: 1, c5d: 2, c5n: 1, c21n: 1, completed: 1 } }, petitions: {} },
    });
    expect(tally('HY-A', '2025-03')).toMatchObject({ subjects: 4, tallies: { petitions: { c19d: 1, c19n: 1, c20n: 1 } } });
    expect(tally('HY-B', '2025-Q3')).toBeUndefined(); // not begun: summed whole by the live projector too
    expect(actual.parked).toEqual([expect.objectContaining({ kind: 'procedure', key: 'HY-A/P-BAD', events: [expect.any(String), expect.any(String)] })]);
    expect(actual.subjects).toHaveLength(12); // 2 units, 9 dossiers, 1 petition; the poisoned procedure has none
    expect(actual.indexes).toHaveLength(4);
  });

  it('writes the same read stream by stream (the default), whole or one subject at a time, and reads no subject back', async () => {
    await new ProjectionRebuild(db.pool, store, { clock: () => NOW, pageSize: 3, order: 'log' }).run();
    const expected = await snapshot();
    for (const resident of [DEFAULT_RESIDENT_SUBJECTS, 1]) {
      const byStream = await new ProjectionRebuild(db.pool, store, { clock: () => NOW, pageSize: 3, resident }).run();
      // Each subject's events come together: one spilled is done, never met again.
      expect(byStream.spill.reloaded).toBe(0);
      expect(byStream.spill.spilled).toBe(resident === 1 ? 9 : 0); // 10 dossiers and petitions, one left in memory at the end
      expect(byStream.events).toBe(history().length);
      expect(await snapshot()).toEqual(expected);
    }
  });

  it('folds what was appended while the stream pass read, after it, reading its spilled subjects back', async () => {
    // Later events of dossiers the stream pass will have finished and written, and a new dossier,
    // committed once the pass has begun (its horizon is taken): the tail in the log's order folds them.
    const later = [
      dossierEvents('HY-A', 'D6').processed('2025-03-20T08:00:00'),
      dossierEvents('HY-B', 'D7').processed('2025-03-21T08:00:00'),
      dossierEvents('HY-A', 'D9').received('2025-03-22T08:00:00', '2025-03-25T17:00:00'),
    ];
    let appendedDuringPass = false;
    const racing = Object.create(store) as PostgresEventStore;
    racing.replayByStream = async (pageSize) => {
      const replay = await store.replayByStream(pageSize);
      async function* pages() {
        let first = true;
        for await (const page of replay.pages) {
          yield page;
          if (first) {
            await store.appendMany(later.map((event) => ({ streamId: streamIdOf(event), event })));
            appendedDuringPass = true;
            first = false;
          }
        }
      }
      return { checkpoint: replay.checkpoint, pages: pages() };
    };
    const raced = await new ProjectionRebuild(db.pool, racing, { clock: () => NOW, pageSize: 3, resident: 1 }).run();
    expect(appendedDuringPass).toBe(true);
    expect(raced.events).toBe(history().length + later.length);
    // D6 and D7 were written out by the pass (one subject kept): their processing reads them back.
    expect(raced.spill.reloaded).toBeGreaterThanOrEqual(2);
    const actual = await snapshot();

    await new ProjectionRebuild(db.pool, store, { clock: () => NOW, pageSize: 3, order: 'log' }).run();
    expect(actual).toEqual(await snapshot());
    // By hand: HY-A's March now has D2 on time, D4 late, D6 processed the 20th after its due day the
    // 12th (late), D9 received the 22nd and open, due the 25th, late at the end of March → 1 of 4.
    const figure = actual.scores.find((r) => r.unit_code === 'HY-A' && r.period === '2025-03')?.figures as Record<string, unknown>;
    expect(figure['5']).toMatchObject({ numerator: 1, denominator: 4 });
  });
});
