import { randomUUID } from 'node:crypto';
import type { ExplainDto } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { RebuildState, recomputeUnitPeriods, saveSubjects } from '@idx/scoring-projection';
import { createTestDatabase, dossierEvents, type TestDatabase, unitRegistered, waitFor } from '@idx/testing';
import { parsePeriod } from '@idx/domain';
import { planDelta, writeDelta } from '../explain/explain-delta';
import { readFirstPage } from '../explain/explain-reads';
import { type ExplainPhases, ExplainQueries, parseExplainCursor } from '../explain-queries';

const U = 'HY-STP';
const DAY = 86_400_000;

/**
 * Explain maintained incrementally (docs/explain-paging.md), criterion 5 (processed on time) of one
 * department, expectations by hand from the dates: a dossier finished after its due time costs
 * points and is late by the difference; one finished before is counted. The subjects are folded and
 * scored by the projector's own code (RebuildState, saveSubjects, recomputeUnitPeriods), as the
 * heavy benchmark does, each change written at later positions as a live projector would.
 */
describe('explain, maintained with the subjects changed since its list (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  const history: DomainEvent[] = [unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered(U, 'Sở Tư pháp', 'department', 'HY')];

  /** Folds the whole history again (the same positions for the same events) and writes what it yields, then scores `periods`. */
  const project = async (events: readonly DomainEvent[], periods: readonly string[], now: number) => {
    history.push(...events);
    const state = new RebuildState();
    history.forEach((e, i) => state.apply(e, BigInt(i + 1)));
    await prisma.$transaction(async (tx) => {
      await saveSubjects(tx, state.subjectRecords());
      await recomputeUnitPeriods(tx, periods.map((period) => ({ unitCode: U, period })), BigInt(history.length), now, { rebase: true });
    });
  };
  const d = (code: string) => dossierEvents(U, code);
  /** An event of another kind than dossiers (wire shape as docs/events.md), in March. */
  const other = (e: { type: string; data: object; procedureCode?: string; petitionCode?: string }): DomainEvent =>
    ({ eventId: randomUUID(), schemaVersion: 1, occurredAt: '2025-03-05T08:00:00+07:00', sourceSystem: 'test-one-stop', unitCode: U, ...e }) as DomainEvent;
  const codes = (x: ExplainDto) => x.items.map((i) => i.code);
  const setCount = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM explain_sets WHERE unit_code = $1`, U))[0]?.n);

  beforeAll(async () => {
    db = await createTestDatabase('explaininc');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 4);
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  describe('a closed month (March 2025, judged at its end)', () => {
    const NOW = Date.parse('2025-06-01T00:00:00Z');
    const PERIOD = '2025-03';
    let queries: ExplainQueries;
    const explain = async (size = 50, cursor?: string, category: 'all' | 'costs-points' | 'counted' = 'all') => {
      const answer = await queries.explain(U, PERIOD, 5, { size, category, cursor: cursor ? parseExplainCursor(cursor) : undefined });
      if (!answer) throw new Error('no answer');
      return answer;
    };

    beforeAll(async () => {
      queries = new ExplainQueries(prisma, () => NOW);
      // L1 finished 1 day after its due time; OK1, OK2 before theirs.
      await project([
        d('L1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L1').processed('2025-03-11T17:00:00'),
        d('OK1').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), d('OK1').processed('2025-03-05T10:00:00'),
        d('OK2').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), d('OK2').processed('2025-03-06T10:00:00'),
        // Still pending (received, not processed): counted later when it is processed.
        d('M1').received('2025-03-20T08:00:00', '2025-03-27T17:00:00'),
      ], [PERIOD], NOW);
    }, 60_000);

    it('builds the list whole the first time: L1 costs points, the others are counted', async () => {
      const first = await explain();
      // M1 pending past its due time at the month's end (27 March 17:00 → 1 April 00:00 local = 4 days 7 hours): late too.
      expect(first.totals).toEqual({ items: 4, costsPoints: 2, inNumerator: 2, inDenominator: 4 });
      expect(codes(first)).toEqual(['M1', 'L1', 'OK1', 'OK2']);
      expect(first.items.map((i) => i.lateByMs)).toEqual([4 * DAY + 7 * 3_600_000, 1 * DAY, null, null]);
      expect(first.criterion).toMatchObject({ numerator: 2, denominator: 4 });
      expect(await setCount()).toBe(1);
    });

    it('takes in a live change on the next request without a rebuild, equal to a list built whole, with the score\'s figures', async () => {
      const opened = await explain(2);
      await project([
        // L2: 3 days late, first now. OK3: on time. M1 processed before its due time: no longer late, counted.
        d('L2').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L2').processed('2025-03-13T17:00:00'),
        d('OK3').received('2025-03-12T08:00:00', '2025-03-19T17:00:00'), d('OK3').processed('2025-03-12T09:00:00'),
        d('M1').processed('2025-03-21T09:00:00'),
        // April's dossier: another period, the list does not move.
        d('A1').received('2025-04-02T08:00:00', '2025-04-09T17:00:00'), d('A1').processed('2025-04-03T08:00:00'),
      ], [PERIOD, '2025-04'], NOW);
      const after = await explain();
      expect(after.totals).toEqual({ items: 6, costsPoints: 2, inNumerator: 4, inDenominator: 6 });
      expect(codes(after)).toEqual(['L2', 'L1', 'M1', 'OK1', 'OK2', 'OK3']);
      expect(after.items.slice(0, 2).map((i) => i.lateByMs)).toEqual([3 * DAY, 1 * DAY]);
      // The totals are the unit's score figures after the change.
      expect(after.criterion).toMatchObject({ numerator: 4, denominator: 6 });
      // The same list as before, a new version of it: not rebuilt.
      expect(await setCount()).toBe(1);
      const listOf = (x: ExplainDto) => parseExplainCursor(x.page.next ?? '')?.listId;
      expect(listOf(await explain(2))).not.toBe(listOf(opened));

      // The reader who opened the list before the change pages on in it, with its totals: [M1, L1 | OK1, OK2].
      const stillOpen = await explain(2, opened.page.next ?? undefined);
      expect(codes(stillOpen)).toEqual(['OK1', 'OK2']);
      expect(stillOpen.totals.items).toBe(4);
      expect(stillOpen.page.next).toBeNull();

      // Built whole from the same subjects (another process, no list kept): the same answer.
      await prisma.$executeRawUnsafe(`DELETE FROM explain_sets`);
      const whole = await new ExplainQueries(prisma, () => NOW).explain(U, PERIOD, 5, { size: 50, category: 'all', cursor: undefined });
      expect(whole?.totals).toEqual(after.totals);
      expect(whole?.items).toEqual(after.items);
    });

    it('pages the changed list by category with the cursor: the rows a delta added sit in their place', async () => {
      // The list built whole above answers from memory until its rows are stored; then changes are taken in.
      await waitFor(async () => (await prisma.$queryRawUnsafe<{ complete: boolean }[]>(`SELECT complete FROM explain_sets`))[0]?.complete === true, { what: 'the rebuilt list stored' });
      await project([d('L3').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L3').processed('2025-03-12T17:00:00')], [PERIOD], NOW);
      const late = await explain(1, undefined, 'costs-points');
      expect(codes(late)).toEqual(['L2']);
      const second = await explain(1, late.page.next ?? undefined, 'costs-points');
      // L3 is 2 days late: between L2 (3) and L1 (1).
      expect(codes(second)).toEqual(['L3']);
      const third = await explain(1, second.page.next ?? undefined, 'costs-points');
      expect(codes(third)).toEqual(['L1']);
      expect(third.page.next).toBeNull();
      expect(late.totals).toEqual({ items: 7, costsPoints: 3, inNumerator: 4, inDenominator: 7 });
      const counted = await explain(50, undefined, 'counted');
      expect(codes(counted)).toEqual(['M1', 'OK1', 'OK2', 'OK3']);
      expect(counted.criterion).toMatchObject({ numerator: 4, denominator: 7 });
    });

    it('two readers racing on one change store one version of it: nothing is counted twice', async () => {
      const setId = (await prisma.$queryRawUnsafe<{ id: bigint }[]>(`SELECT id FROM explain_sets WHERE unit_code = $1 AND period = $2`, U, PERIOD))[0]?.id;
      const versions = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM explain_lists WHERE set_id = $1`, setId))[0]?.n);
      const doubled = () => prisma.$queryRawUnsafe<{ subject_key: string }[]>(
        `SELECT subject_key FROM explain_rows WHERE set_id = $1 AND to_list IS NULL GROUP BY subject_key HAVING count(*) > 1`, setId,
      );
      const first = { size: 50, category: 'all' as const, cursor: undefined };
      const before = await versions();

      // Deterministic: two reads of the same version, then both write. The second finds the set moved and writes nothing.
      await project([d('L4').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L4').processed('2025-03-14T17:00:00')], [PERIOD], NOW);
      const period = parsePeriod(PERIOD);
      const reads = await Promise.all([1, 2].map(() => readFirstPage(prisma, U, period, 5, first)));
      const plans = await Promise.all(reads.map(async (r) => {
        if (!r.set) throw new Error('no set read');
        const plan = await planDelta({ base: { set: r.set, nextSeq: r.set.nextSeq, changes: r.changes }, period, asOf: NOW, joined: async () => ({ rejudged: [], partners: [] }) });
        if ('rebuild' in plan) throw new Error(plan.rebuild);
        return plan;
      }));
      const [one, two] = plans;
      if (!one || !two) throw new Error('two plans expected');
      const [won, lost] = [await writeDelta(prisma, one), await writeDelta(prisma, two)];
      expect('list' in won).toBe(true);
      expect(lost).toEqual({ lost: true });
      expect(await versions()).toBe(before + 1);

      // Concurrent: eight first pages from four processes right after one more change (L5 2 days late, OK6 on time).
      await project([
        d('L5').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L5').processed('2025-03-12T17:00:00'),
        d('OK6').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), d('OK6').processed('2025-03-05T09:00:00'),
      ], [PERIOD], NOW);
      const readers = [queries, ...[1, 2, 3].map(() => new ExplainQueries(prisma, () => NOW))];
      const answers = await Promise.all(readers.flatMap((q) => [q.explain(U, PERIOD, 5, first), q.explain(U, PERIOD, 5, first)]));
      // By hand: 7 listed before, L4 (4 days late), L5 (2 days, after L3's code), OK6: 10 listed, 5 cost points, 5 on time.
      const totals = { items: 10, costsPoints: 5, inNumerator: 5, inDenominator: 10 };
      for (const a of answers) {
        expect(a?.totals).toEqual(totals);
        expect(a?.items.map((i) => i.code)).toEqual(['L4', 'L2', 'L3', 'L5', 'L1', 'M1', 'OK1', 'OK2', 'OK3', 'OK6']);
      }
      expect(answers[0]?.criterion).toMatchObject({ numerator: 5, denominator: 10 });
      expect(await versions()).toBe(before + 2);
      expect(await doubled()).toEqual([]);
    });

    it('passes over a change to a kind of subject criterion 5 does not read (a procedure, a petition): no rebuild, no new version', async () => {
      const opened = await explain();
      const state = async () => (await prisma.$queryRawUnsafe<{ id: bigint; current_list: bigint; subjects_position: bigint }[]>(
        `SELECT id, current_list, subjects_position FROM explain_sets WHERE unit_code = $1 AND period = $2`, U, PERIOD))[0];
      const was = await state();
      await project([
        other({ type: 'procedure.announced', procedureCode: '1.000001', data: { decisionCode: 'QD-9', decisionDate: '2025-03-02', legalBasisEffectiveDate: '2025-03-02' } }),
        other({ type: 'petition.received', petitionCode: 'Q9', data: { dueInWorkingDays: 10 } }),
      ], [PERIOD], NOW);
      const after = await explain();
      expect(after.totals).toEqual(opened.totals);
      expect(after.items).toEqual(opened.items);
      const now = await state();
      expect(now?.id).toBe(was?.id); // the same list, not rebuilt
      expect(now?.current_list).toBe(was?.current_list); // no new version
      expect(Number(now?.subjects_position)).toBeGreaterThan(Number(was?.subjects_position)); // the changes taken in
    });

    it('reads the page from the new version when a delta retires more of the first rows than were read past the page', async () => {
      // 30 dossiers 1..30 minutes late (after L1's day): costs points L4, L2, L3, L5, L1, X30, …, X01.
      const x = (i: number) => `X${String(i).padStart(2, '0')}`;
      const minutes = (i: number) => new Date(Date.parse('2025-03-03T17:00:00+07:00') + i * 60_000).toISOString();
      await project(Array.from({ length: 30 }, (_, k) => k + 1).flatMap((i) => [
        d(x(i)).received('2025-03-02T08:00:00', '2025-03-03T17:00:00'), d(x(i)).processed(minutes(i)),
      ]), [PERIOD], NOW);
      expect((await explain(50, undefined, 'costs-points')).totals.costsPoints).toBe(35);
      // The first 22 of them (a page of 1 reads 1 + 1 + 20) get their results returned: each row is
      // retired and added again, in the same place; none of the rows read is kept.
      const first22 = ['L4', 'L2', 'L3', 'L5', 'L1', ...Array.from({ length: 17 }, (_, k) => x(30 - k))];
      await project(first22.map((code) => d(code).returned('2025-03-28T08:00:00')), [PERIOD], NOW);
      const seen: ExplainPhases[] = [];
      queries.observePhases((p) => seen.push(p));
      const page = await explain(1, undefined, 'costs-points');
      queries.observePhases(undefined);
      expect(seen[0]?.path).toBe('delta');
      expect(seen[0]?.statements).toBe(3); // read, write, the page read again
      expect(codes(page)).toEqual(['L4']);
      expect(page.items[0]?.facts).toMatchObject({ returnedAt: expect.any(String) });
      expect(page.totals.costsPoints).toBe(35);
      const second = await explain(1, page.page.next ?? undefined, 'costs-points');
      expect(codes(second)).toEqual(['L2']);
    });
  });

  describe('the open month: a pending dossier becomes late with the clock, without an event', () => {
    const PERIOD = '2025-05';
    const MAY_10 = Date.parse('2025-05-10T12:00:00+07:00');
    let now = MAY_10;
    let queries: ExplainQueries;
    const explain = async () => {
      const answer = await queries.explain(U, PERIOD, 5, { size: 50, category: 'all', cursor: undefined });
      if (!answer) throw new Error('no answer');
      return answer;
    };

    beforeAll(async () => {
      queries = new ExplainQueries(prisma, () => now, { openMaxAgeMs: 60_000 });
      // P1 due 12 May 17:00, pending; OK5 finished on time.
      await project([
        d('P1').received('2025-05-08T08:00:00', '2025-05-12T17:00:00'),
        d('OK5').received('2025-05-08T08:00:00', '2025-05-12T17:00:00'), d('OK5').processed('2025-05-09T08:00:00'),
      ], [PERIOD], MAY_10);
    }, 60_000);

    it('counts P1 on time on 10 May, then, once the clock passes its due time, re-judges it in the background', async () => {
      const before = await explain();
      expect(before.totals).toEqual({ items: 2, costsPoints: 0, inNumerator: 2, inDenominator: 2 });
      expect(before.evaluatedAt).toBe(new Date(MAY_10).toISOString());
      // 13 May 17:00: P1 is 1 day past its due time. The first request kicks off the re-judging; a later one shows it.
      now = Date.parse('2025-05-13T17:00:00+07:00');
      await waitFor(async () => (await explain()).totals.costsPoints === 1, { what: 'P1 re-judged late' });
      const after = await explain();
      expect(after.totals).toEqual({ items: 2, costsPoints: 1, inNumerator: 1, inDenominator: 2 });
      expect(after.items[0]).toMatchObject({ code: 'P1', costsPoints: true, lateByMs: DAY });
      // The score judged at the same instant counts the same.
      await project([], [PERIOD], now);
      expect((await explain()).criterion).toMatchObject({ numerator: 1, denominator: 2 });
      expect(await setCount()).toBe(2); // the March list and this one: re-judged in place, not rebuilt
    });
  });
});
