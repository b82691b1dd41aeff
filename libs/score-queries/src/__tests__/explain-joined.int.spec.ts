import type { ExplainDto } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { RebuildState, recomputeUnitPeriods, saveSubjects } from '@idx/scoring-projection';
import { createTestDatabase, dossierEvents, procedureEvent, type TestDatabase, unitRegistered, waitFor } from '@idx/testing';
import { type ExplainPhases, ExplainQueries } from '../explain-queries';

const U = 'HY-SXD';
const PERIOD = '2025-03';
const NOW = Date.parse('2025-06-01T00:00:00Z');

/**
 * Explain's joined criteria taken in by deltas (docs/explain-paging.md, "Joined criteria"): criterion
 * 7 counts online procedures that received an online dossier in the period, so a dossier's change
 * moves its procedure's row (and, when a later `received` moves it to another procedure, the old
 * one's too); criterion 12 counts dossiers completed with an electronic result among those whose
 * procedure's result is a document, so a procedure's change moves its dossiers' rows. Expectations by
 * hand from the events; subjects folded and scored by the projector's own code, as a live projector
 * writes them. Each change must be taken in by a delta (same set, path `delta`), not a full build.
 * The two cases run in order on one history (12 starts from where 7 left the dossiers).
 */
describe('explain of the joined criteria, maintained by deltas (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let queries: ExplainQueries;
  const phases: ExplainPhases[] = [];
  const history: DomainEvent[] = [unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered(U, 'Sở Xây dựng', 'department', 'HY')];

  const project = async (events: readonly DomainEvent[]) => {
    history.push(...events);
    const state = new RebuildState();
    history.forEach((e, i) => state.apply(e, BigInt(i + 1)));
    await prisma.$transaction(async (tx) => {
      await saveSubjects(tx, state.subjectRecords());
      await recomputeUnitPeriods(tx, [{ unitCode: U, period: PERIOD }], BigInt(history.length), NOW, { rebase: true });
    });
  };
  const announced = (code: string, resultIsDocument?: boolean, occurredAt = '2025-02-10T09:00:00') =>
    procedureEvent(U, code, 'procedure.announced', occurredAt, {
      decisionCode: `QD-${code}`, decisionDate: '2025-02-01', legalBasisEffectiveDate: '2025-02-01', ...(resultIsDocument === undefined ? {} : { resultIsDocument }),
    });
  const online = (code: string) => procedureEvent(U, code, 'procedure.online-service-set', '2025-02-10T09:00:00', { level: 'full' });
  const d = (code: string) => dossierEvents(U, code);

  /** The whole list (one page of 50), the figure the score shows and the path the request took. */
  const explain = async (criterion: number) => {
    phases.length = 0;
    const answer = await queries.explain(U, PERIOD, criterion, { size: 50, category: 'all', cursor: undefined });
    if (!answer) throw new Error('no answer');
    return { answer, path: phases.map((p) => p.path).join(), sets: await setCount(criterion) };
  };
  /** The next first page: taken in by a delta on the one set, listing `items` (code:costs|counted). */
  const takenInByDelta = async (criterion: number, items: readonly string[]) => {
    const x = await explain(criterion);
    expect([x.path, x.sets, listed(x.answer)]).toEqual(['delta', 1, items]);
    return x.answer;
  };
  const listed = (x: ExplainDto) => x.items.map((i) => `${i.code}:${i.costsPoints ? 'costs' : 'counted'}`).sort();
  const figureOf = (x: ExplainDto) => [x.criterion.numerator, x.criterion.denominator];
  const setCount = async (criterion: number) =>
    Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM explain_sets WHERE unit_code = $1 AND criterion = $2`, U, criterion))[0]?.n);
  /** A build answers from memory while its rows and links are stored: deltas start from the stored set. */
  const waitForComplete = (criterion: number) => waitFor(async () => {
    const [row] = await prisma.$queryRawUnsafe<{ complete: boolean }[]>(`SELECT complete FROM explain_sets WHERE unit_code = $1 AND criterion = $2`, U, criterion);
    return row?.complete;
  }, { what: `the set of criterion ${criterion} stored` });
  const links = async (criterion: number) =>
    (await prisma.$queryRawUnsafe<{ subject_key: string; join_code: string }[]>(
      `SELECT l.subject_key, l.join_code FROM explain_links l JOIN explain_sets s ON s.id = l.set_id WHERE s.unit_code = $1 AND s.criterion = $2 ORDER BY 1`, U, criterion,
    )).map((l) => `${l.subject_key}→${l.join_code}`);

  const evidence = async (criterion: number) =>
    (await prisma.$queryRawUnsafe<{ subject_key: string; evidence_from: string | null }[]>(
      `SELECT l.subject_key, l.evidence_from::text AS evidence_from FROM explain_links l JOIN explain_sets s ON s.id = l.set_id WHERE s.unit_code = $1 AND s.criterion = $2 ORDER BY 1`, U, criterion,
    )).map((l) => `${l.subject_key}:${l.evidence_from}`);

  beforeAll(async () => {
    db = await createTestDatabase('explainjoin');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 4);
    queries = new ExplainQueries(prisma, () => NOW);
    queries.observePhases((p) => phases.push(p));
    // P1, P2, P3 online (full) from February; P4's and P6's results are not documents.
    await project([
      announced('P1'), online('P1'), announced('P2'), online('P2'), announced('P3'), online('P3'), announced('P4', false), announced('P6', false),
      d('D1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online', 'P1'), d('D1').processed('2025-03-05T10:00:00'),
      d('D1').eResult('2025-03-05T10:05:00'),
      d('D2').received('2025-03-04T08:00:00', '2025-03-11T17:00:00', 'in-person', 'P2'), d('D2').processed('2025-03-06T10:00:00'),
      d('D5').received('2025-03-04T09:00:00', '2025-03-11T17:00:00', 'in-person', 'P4'), d('D5').processed('2025-03-06T11:00:00'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('criterion 7: a dossier\'s change moves its procedure\'s row; one moved to another procedure moves both, by its link', async () => {
    // Built: P1 has an online dossier (counted); P2 only an in-person one, P3 none (both cost points); P4 is not online (not listed).
    const built = await explain(7);
    expect(built.path).toBe('build');
    expect(listed(built.answer)).toEqual(['P1:counted', 'P2:costs', 'P3:costs']);
    expect(built.answer.totals).toEqual({ items: 3, costsPoints: 2, inNumerator: 1, inDenominator: 3 });
    await waitForComplete(7);
    expect(await links(7)).toEqual([`${U}/D1→P1`, `${U}/D2→P2`, `${U}/D5→P4`]);
    expect((await explain(7)).path).toBe('unchanged');

    // D3, online, of P2: P2 is now counted.
    await project([d('D3').received('2025-03-12T08:00:00', '2025-03-19T17:00:00', 'online', 'P2')]);
    const second = await takenInByDelta(7, ['P1:counted', 'P2:counted', 'P3:costs']);
    expect(second.totals).toEqual({ items: 3, costsPoints: 1, inNumerator: 2, inDenominator: 3 });
    expect(figureOf(second)).toEqual([2, 3]);

    // D1 received again under P3 (a later `received` moves it): P1 loses its only online dossier, P3 gains one.
    await project([d('D1').received('2025-03-13T08:00:00', '2025-03-20T17:00:00', 'online', 'P3')]);
    const third = await takenInByDelta(7, ['P1:costs', 'P2:counted', 'P3:counted']);
    expect(third.totals).toEqual({ items: 3, costsPoints: 1, inNumerator: 2, inDenominator: 3 });
    expect(figureOf(third)).toEqual([2, 3]);
    expect(await links(7)).toEqual([`${U}/D1→P3`, `${U}/D2→P2`, `${U}/D3→P2`, `${U}/D5→P4`]);
    // Each link keeps when its dossier became evidence for its procedure: received online (the millisecond after receipt: the span is [start, t)).
    expect(await evidence(7)).toEqual([`${U}/D1:${Date.parse('2025-03-13T08:00:00+07:00') + 1}`, `${U}/D2:null`, `${U}/D3:${Date.parse('2025-03-12T08:00:00+07:00') + 1}`, `${U}/D5:null`]);

    // D4, in person, of P2: P2 stays counted by D3, which did not change (found as P2's earliest evidence).
    await project([d('D4').received('2025-03-14T08:00:00', '2025-03-21T17:00:00', 'in-person', 'P2')]);
    const fourth = await takenInByDelta(7, ['P1:costs', 'P2:counted', 'P3:counted']);
    expect(figureOf(fourth)).toEqual([2, 3]);
  });

  it('criterion 12: a procedure\'s change moves its dossiers\' rows, found by their links', async () => {
    // Completed in March: D1 (P3 now, a document result, with an e-result: counted), D2 (P2, none: costs points);
    // D5's procedure P4 has no document result (not listed). D3 is pending (not completed: not listed).
    const built = await explain(12);
    expect(built.path).toBe('build');
    expect(listed(built.answer)).toEqual(['D1:counted', 'D2:costs']);
    await waitForComplete(12);

    // P4 announced again, its result now a document: D5 (no e-result) now costs points.
    await project([announced('P4', true, '2025-03-20T09:00:00')]);
    const second = await takenInByDelta(12, ['D1:counted', 'D2:costs', 'D5:costs']);
    expect(second.totals).toEqual({ items: 3, costsPoints: 2, inNumerator: 1, inDenominator: 3 });
    expect(figureOf(second)).toEqual([1, 3]);

    // D2 moved to P4 and given an e-result: counted (a dossier change, judged with its new procedure).
    await project([d('D2').received('2025-03-04T08:00:00', '2025-03-11T17:00:00', 'in-person', 'P4'), d('D2').eResult('2025-03-21T08:00:00')]);
    const third = await takenInByDelta(12, ['D1:counted', 'D2:counted', 'D5:costs']);
    expect(figureOf(third)).toEqual([2, 3]);

    // P4 back to a non-document result: D2 and D5 leave the list (both now P4's), by the links alone.
    await project([announced('P4', false, '2025-03-22T09:00:00')]);
    const fourth = await takenInByDelta(12, ['D1:counted']);
    expect(fourth.totals).toEqual({ items: 1, costsPoints: 0, inNumerator: 1, inDenominator: 1 });
    const versions = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM explain_lists l JOIN explain_sets s ON s.id = l.set_id WHERE s.unit_code = $1 AND s.criterion = 12`, U,
    ))[0]?.n);
    const versionsBefore = await versions();
    expect(figureOf(fourth)).toEqual([1, 1]);

    // D5 moved from P4 to P6, both without a document result: no row changes, the version stays, only its link moves.
    await project([d('D5').received('2025-03-04T09:00:00', '2025-03-11T17:00:00', 'in-person', 'P6')]);
    const fifth = await explain(12);
    expect([fifth.path, fifth.sets, fifth.answer.page.next]).toEqual(['delta', 1, null]);
    expect(listed(fifth.answer)).toEqual(['D1:counted']);
    expect(await versions()).toBe(versionsBefore);
    expect(await links(12)).toEqual([`${U}/D1→P3`, `${U}/D2→P4`, `${U}/D3→P2`, `${U}/D4→P2`, `${U}/D5→P6`]);
    // P6's result becomes a document: D5, found by its moved link, costs points again.
    await project([announced('P6', true, '2025-03-23T09:00:00')]);
    const sixth = await takenInByDelta(12, ['D1:counted', 'D5:costs']);
    expect(figureOf(sixth)).toEqual([1, 2]);
  });
});
