import type { ExplainDto, UnitScoreDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

const U = 'HY-STP';
const PERIOD = '2025-03';
const base = (extra = '') => `/api/v1/units/${U}/explain?period=${PERIOD}&criterion=5${extra}`;

/**
 * Criterion 5 (processed on time) of one department in March 2025, by hand: three dossiers finished
 * 1, 3 and 2 days after their due time cost points; four finished early are counted. So 7 listed,
 * 3 cost points, 4 in the numerator, 7 in the denominator — the late ones first, the latest first
 * (L2, L3, L1), then the others by code (OK1 … OK4).
 */
describe('explain, paged with totals (docs/explain-paging.md; real HTTP, real PostgreSQL)', () => {
  let platform: RunningPlatform;
  const get = async <T = ExplainDto>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${platform.reportingUrl}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const codes = (d: ExplainDto) => d.items.map((i) => i.code);

  beforeAll(async () => {
    platform = await startPlatform();
    const d = (code: string) => dossierEvents(U, code);
    const res = await platform.postEvents([
      unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered(U, 'Sở Tư pháp', 'department', 'HY'),
      d('L1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L1').processed('2025-03-11T17:00:00'),
      d('L2').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L2').processed('2025-03-13T17:00:00'),
      d('L3').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d('L3').processed('2025-03-12T17:00:00'),
      ...['OK1', 'OK2', 'OK3', 'OK4'].flatMap((c) => [d(c).received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), d(c).processed('2025-03-05T10:00:00')]),
    ]);
    expect(res.status).toBe(200);
    await waitFor(async () => (await get<UnitScoreDto>(`/api/v1/units/${U}/scores?period=${PERIOD}`)).body.criteria?.find((c) => c.id === 5)?.denominator === 7, {
      what: 'March projected',
    });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers the totals per category and the first page, the late ones first, with the figures the score shows', async () => {
    const first = await get(base('&size=3'));
    expect(first.status).toBe(200);
    expect(first.body.totals).toEqual({ items: 7, costsPoints: 3, inNumerator: 4, inDenominator: 7 });
    expect(codes(first.body)).toEqual(['L2', 'L3', 'L1']);
    expect(first.body.items.map((i) => i.lateByMs)).toEqual([3, 2, 1].map((days) => days * 86_400_000));
    expect(first.body.page).toMatchObject({ size: 3, category: 'all', cursor: null, offset: 0 });
    expect(first.body.page.next).toEqual(expect.any(String));
    // The list is what the figure counts: the score's numerator and denominator are the totals'.
    expect(first.body.criterion).toMatchObject({ id: 5, numerator: 4, denominator: 7 });
    // A closed month is judged at its end (31 March 24:00 in Vietnam).
    expect(first.body.evaluatedAt).toBe('2025-03-31T17:00:00.000Z');
  });

  it('reads on with the cursor until the last page, whose next is null', async () => {
    const first = await get(base('&size=3'));
    const second = await get(base(`&size=3&cursor=${first.body.page.next}`));
    expect(second.status).toBe(200);
    expect(codes(second.body)).toEqual(['OK1', 'OK2', 'OK3']);
    expect(second.body.page).toMatchObject({ cursor: first.body.page.next, offset: 3 });
    const third = await get(base(`&size=3&cursor=${second.body.page.next}`));
    expect(codes(third.body)).toEqual(['OK4']);
    expect(third.body.page).toMatchObject({ offset: 6, next: null });
    expect(third.body.totals.items).toBe(7);
  });

  it('pages one category: those that cost points, those counted', async () => {
    const late = await get(base('&size=2&category=costs-points'));
    expect(codes(late.body)).toEqual(['L2', 'L3']);
    const lateRest = await get(base(`&size=2&category=costs-points&cursor=${late.body.page.next}`));
    expect(codes(lateRest.body)).toEqual(['L1']);
    expect(lateRest.body.page).toMatchObject({ next: null, offset: 2 });
    const counted = await get(base('&category=counted'));
    expect(codes(counted.body)).toEqual(['OK1', 'OK2', 'OK3', 'OK4']);
    expect(counted.body.items.every((i) => i.inNumerator && !i.costsPoints)).toBe(true);
  });

  it('answers the default page size (50) when none is asked', async () => {
    const all = await get(base());
    expect(all.body.page.size).toBe(50);
    expect(all.body.items).toHaveLength(7);
    expect(all.body.page.next).toBeNull();
  });

  it('takes in a live change on the next first page, its totals the unit score answer\'s, and a reader keeps paging the list they opened', async () => {
    const opened = await get(base('&size=3'));
    const d = dossierEvents(U, 'L4');
    expect((await platform.postEvents([d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-20T17:00:00')])).status).toBe(200);
    // L4 is 10 days late: first once the projector has written it.
    await waitFor(async () => codes((await get(base('&size=3'))).body)[0] === 'L4', { what: 'the list with L4' });
    await waitFor(async () => (await get<UnitScoreDto>(`/api/v1/units/${U}/scores?period=${PERIOD}`)).body.criteria?.find((c) => c.id === 5)?.denominator === 8, {
      what: 'the score with L4',
    });
    const changed = await get(base('&size=3'));
    expect(changed.body.totals).toEqual({ items: 8, costsPoints: 4, inNumerator: 4, inDenominator: 8 });
    // The unit's score answer counts what the list lists.
    const score = (await get<UnitScoreDto>(`/api/v1/units/${U}/scores?period=${PERIOD}`)).body.criteria?.find((c) => c.id === 5);
    expect(score).toMatchObject({ numerator: changed.body.totals.inNumerator, denominator: changed.body.totals.inDenominator });
    expect(changed.body.criterion).toMatchObject({ numerator: 4, denominator: 8 });
    // The opened version is kept (KEEP_REPLACED): its next page is the one the reader expects, with its totals.
    const stillOpen = await get(base(`&size=3&cursor=${opened.body.page.next}`));
    expect(stillOpen.status).toBe(200);
    expect(codes(stillOpen.body)).toEqual(['OK1', 'OK2', 'OK3']);
    expect(stillOpen.body.totals.items).toBe(7);
  });

  it.each([
    ['&size=0', 'size'], ['&size=201', 'size'], ['&size=abc', 'size'], ['&size=5&size=6', 'size'], ['&size=-1', 'size'], ['&size=1e2', 'size'],
    ['&category=late', 'category'], ['&category=all&category=counted', 'category'],
    ['&cursor=abc', 'cursor'], ['&cursor=1.2', 'cursor'], ['&cursor=0.0.0', 'cursor'], ['&cursor=1.2.3%00', 'cursor'], [`&cursor=${'9'.repeat(70)}`, 'cursor'],
  ])('answers %s with 400 and a reason naming %s', async (query, name) => {
    const bad = await get<{ reason: string }>(base(query));
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toMatch(new RegExp(`^${name}: `));
  });

  it("answers a cursor of another criterion's list with 400, and a list's cursor no longer kept with 409", async () => {
    const other = await get(`/api/v1/units/${U}/explain?period=${PERIOD}&criterion=4&size=1`);
    expect(other.status).toBe(200);
    const next = other.body.page.next;
    expect(next).toEqual(expect.any(String));
    const mixed = await get<{ reason: string }>(base(`&cursor=${next}`));
    expect(mixed.status).toBe(400);
    expect(mixed.body.reason).toContain('pages another list');
    const unknown = await get<{ reason: string }>(base('&cursor=999999.1.1'));
    expect(unknown.status).toBe(409);
  });
});
