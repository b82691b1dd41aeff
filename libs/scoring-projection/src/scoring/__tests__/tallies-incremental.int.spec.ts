import fc from 'fast-check';
import { addSubject, type DomainEvent, emptyTallies, parsePeriod, ruleSetInForce, streamIdOf, TALLIED_KINDS } from '@idx/domain';
import { type Checkpoint, PostgresEventStore, START } from '@idx/event-store';
import { at, createTestDatabase, dossierEvents, type TestDatabase } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { scoreRow, type ScoreRow } from '../recompute-score';
import { ScoringProjector } from '../scoring-projector';
import { subjectsOfUnits } from '../subject-rows';

/*
 * The projector moves its tallies by each changed subject and scores from them; verify, close and
 * the audit replay score with scoreRow (computeFigures over every subject). Here the expected rows
 * come from scoreRow over the stored subjects: that path is the full recompute this change replaces
 * in the projector, and it is acceptable as the expectation only because it is verified
 * independently of this code — by the published golden cases (the national portal's per-unit
 * figures, the provinces' letters) and the hand-derived criterion specs in libs/domain.
 */

const START_CLOCK = Date.parse('2025-03-20T10:00:00+07:00');
const HOUR = 3_600_000;
const BASE = Date.parse('2025-02-01T00:00:00+07:00');
const local = (t: number): string => at(new Date(t + 7 * HOUR).toISOString().slice(0, 19));

/**
 * Random dossier streams of two units, February to mid-April 2025: receptions (some sent again,
 * later: the dossier moves month), supplements, every ending or none (pending, some overdue at the
 * clock), three procedures, every channel. The criteria's variety is the domain property test's
 * (tallies.property.spec.ts); this one exercises the projector's deltas, windows and batches.
 */
const dossierStream = (id: number) => fc.record({
  unit: fc.constantFrom('U1', 'U2'),
  start: fc.integer({ min: 0, max: 68 * 24 }),
  dueHours: fc.integer({ min: 2, max: 15 * 24 }),
  channel: fc.constantFrom('in-person', 'online', 'postal'),
  procedure: fc.constantFrom('P-1', 'P-2', 'P-3'),
  supplement: fc.boolean(),
  again: fc.option(fc.integer({ min: 1, max: 40 * 24 }), { nil: undefined }),
  ending: fc.constantFrom('none', 'processed', 'returned', 'withdrawn'),
  gap: fc.integer({ min: 1, max: 10 * 24 }),
}).map((s): DomainEvent[] => {
  const d = dossierEvents(s.unit, `D${id}`);
  let t = BASE + s.start * HOUR;
  const received = (from: number) => d.received(local(from), local(from + s.dueHours * HOUR), s.channel as 'online', s.procedure);
  const events: DomainEvent[] = [received(t)];
  if (s.supplement) events.push(d.supplementRequested(local((t += s.gap * HOUR))), d.supplementSupplied(local((t += HOUR))));
  if (s.again !== undefined) events.push(received((t += s.again * HOUR)));
  const end = local((t += s.gap * HOUR));
  if (s.ending === 'processed') events.push(d.processed(end));
  if (s.ending === 'returned') events.push(d.returned(end));
  if (s.ending === 'withdrawn') events.push(d.withdrawn(end));
  return events;
});
const streams = fc.tuple(...Array.from({ length: 24 }, (_, i) => dossierStream(i)));

/** Interleaves streams, keeping each stream's own order: `picks` choose which stream goes next. */
function interleave(all: readonly DomainEvent[][], picks: readonly number[]): DomainEvent[] {
  const queues = all.map((q) => [...q]).filter((q) => q.length > 0);
  const out: DomainEvent[] = [];
  for (let i = 0; queues.length > 0; i++) {
    const q = picks[i % picks.length] % queues.length;
    out.push(queues[q].shift() as DomainEvent);
    if (queues[q].length === 0) queues.splice(q, 1);
  }
  return out;
}

describe('tallies moved batch by batch equal the full recompute (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('tallies');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));

  /** Reads and projects until the log's head is applied, in batches of the given sizes. */
  async function drain(projector: ScoringProjector, from: Checkpoint, sizes: readonly number[]): Promise<Checkpoint> {
    const head = BigInt((await db.pool.query<{ p: string }>('SELECT coalesce(max(global_position), 0)::text AS p FROM events')).rows[0].p);
    let checkpoint = from;
    let b = 0;
    for (let seen = checkpoint.position; seen < head;) {
      const size = sizes[b++ % sizes.length];
      const batch = await store.readAll(checkpoint, size);
      if (batch.events.length === 0) {
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      seen = batch.events.reduce((max, e) => (e.globalPosition > max ? e.globalPosition : max), seen);
      await projector.handle(batch, { deferRecompute: b % 3 === 0 });
      checkpoint = batch.checkpoint;
    }
    await projector.flushPending();
    return checkpoint;
  }

  /**
   * Every stored own row of a period begun by `at` against scoreRow over the unit's stored subjects,
   * judged at `at`; and every tally against one summed afresh. (A period that has not begun keeps no
   * tallies and is recomputed whole whenever touched; like before this change, its catalogue figures
   * are as of its last recompute, so it is left out here.)
   */
  async function differences(at: number): Promise<unknown[]> {
    const out: unknown[] = [];
    const stored = (await db.pool.query<{ unit_code: string; period: string; figures: unknown; score: unknown; total: number }>(
      'SELECT unit_code, period, figures, score, total FROM unit_period_scores ORDER BY unit_code, period',
    )).rows.filter((r) => parsePeriod(r.period).start <= at);
    for (const row of stored) {
      const period = parsePeriod(row.period);
      const own = (await subjectsOfUnits(prisma, [row.unit_code], period.start, period.end)).get(row.unit_code) ?? [];
      const expected = scoreRow(row.unit_code, JSON.parse(JSON.stringify(own)), period, at, ruleSetInForce(period.start)) as ScoreRow;
      const actual = { unit_code: row.unit_code, figures: row.figures, score: row.score, total: row.total };
      if (JSON.stringify(sorted(actual)) !== JSON.stringify(sorted(expected))) out.push({ row: `${row.unit_code} ${row.period}`, ...figureDifferences(actual.figures, expected.figures) });
    }
    const tallies = (await db.pool.query<{ unit_code: string; period: string; tallies: unknown }>('SELECT unit_code, period, tallies FROM unit_period_tallies')).rows;
    for (const t of tallies) {
      const period = parsePeriod(t.period);
      const fresh = emptyTallies();
      for (const s of (await subjectsOfUnits(prisma, [t.unit_code], period.start, period.end)).get(t.unit_code) ?? []) {
        if (TALLIED_KINDS.has(s.kind)) addSubject(fresh, s, period, at, ruleSetInForce(period.start), 1);
      }
      if (JSON.stringify(sorted(t.tallies)) !== JSON.stringify(sorted(fresh))) out.push({ tally: `${t.unit_code} ${t.period}`, stored: t.tallies, fresh });
    }
    return out;
  }

  it('for random event sequences in random batches, at one clock: every own row and tally as the full recompute gives it', async () => {
    const samples = fc.sample(fc.tuple(streams, fc.array(fc.nat(1000), { minLength: 8, maxLength: 64 }), fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 3, maxLength: 8 })), { numRuns: 2, seed: 766 });
    let checkpoint: Checkpoint = START;
    // One clock for the whole run (March open, February closed): the tallies must be exactly the full sums.
    const projector = new ScoringProjector(prisma, { clock: () => START_CLOCK });
    for (const [all, picks, sizes] of samples) {
      // Each sample's subjects are new (codes repeat across samples, so later samples also change earlier subjects).
      await append(interleave(all, picks));
      checkpoint = await drain(projector, checkpoint, sizes);
    }
    const rows = Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM unit_period_scores')).rows[0].n);
    const tallied = Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM unit_period_tallies')).rows[0].n);
    expect(rows).toBeGreaterThan(10);
    // Tallies only for periods begun by 20 March: both units' February, March, Q1, H1 and 2025.
    expect(tallied).toBe(10);
    expect(await differences(START_CLOCK)).toEqual([]);
  }, 600_000);

  it('with a moving clock, the open period is exact again once refreshed; a tampered tally shows in the figures verify compares, and a refresh rebuilds it', async () => {
    let now = START_CLOCK;
    const projector = new ScoringProjector(prisma, { name: 'scoring', clock: () => now });
    const [[all, picks]] = fc.sample(fc.tuple(streams, fc.array(fc.nat(1000), { minLength: 8, maxLength: 64 })), { numRuns: 1, seed: 2026 });
    const events = interleave(all, picks);
    let checkpoint = (await projector.checkpoint());
    for (let i = 0; i < events.length; i += 7) {
      await append(events.slice(i, i + 7));
      now += 5 * HOUR; // pending dossiers turn overdue between batches
      checkpoint = await drain(projector, checkpoint, [7]);
    }
    await projector.refreshOpenPeriods();
    expect(await differences(now)).toEqual([]);

    // A tally changed behind the projector: the next batch scores from it, and the stored figures
    // then differ from scoreRow's — what verify compares (libs/audit) — until a refresh sums it again.
    const target = (await db.pool.query<{ unit_code: string; tallies: { dossiers: Record<string, Record<string, number>> } }>(
      `SELECT unit_code, tallies FROM unit_period_tallies WHERE period = '2025-03' AND tallies->'dossiers' <> '{}'::jsonb ORDER BY unit_code LIMIT 1`,
    )).rows[0];
    const bucket = Object.keys(target.tallies.dossiers)[0];
    await db.pool.query(
      `UPDATE unit_period_tallies SET tallies = jsonb_set(tallies, ARRAY['dossiers', $2, 'received'], to_jsonb(coalesce((tallies->'dossiers'->$2->>'received')::int, 0) + 5)) WHERE unit_code = $1 AND period = '2025-03'`,
      [target.unit_code, bucket],
    );
    const dossier = events.find((e) => e.type === 'dossier.received' && e.unitCode === target.unit_code) as DomainEvent;
    await append([{ ...dossier, eventId: crypto.randomUUID(), occurredAt: new Date(now - HOUR).toISOString(), dossierCode: 'TAMPER-PROBE' } as DomainEvent]);
    checkpoint = await drain(projector, checkpoint, [50]);
    expect(await differences(now)).toEqual(expect.arrayContaining([expect.objectContaining({ row: `${target.unit_code} 2025-03` })]));
    await projector.refreshOpenPeriods();
    expect(await differences(now)).toEqual([]);
  }, 600_000);
});

/** JSON with keys in one order (jsonb does not keep the writer's order). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  return value;
}

/** The criteria whose figures differ, stored and expected side by side (a readable failure). */
function figureDifferences(actual: unknown, expected: unknown): { criteria: Record<string, { stored: unknown; expected: unknown }> } {
  const a = (actual ?? {}) as Record<string, unknown>;
  const e = (expected ?? {}) as Record<string, unknown>;
  const ids = [...new Set([...Object.keys(a), ...Object.keys(e)])].filter((id) => JSON.stringify(sorted(a[id])) !== JSON.stringify(sorted(e[id])));
  return { criteria: Object.fromEntries(ids.map((id) => [id, { stored: a[id], expected: e[id] }])) };
}
