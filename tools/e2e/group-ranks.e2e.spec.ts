import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

/**
 * Group ranks through HTTP on real PostgreSQL (ISSUE-12 item 1), and the reads' unit-tree cache
 * never stale after a unit event (docs/reads.md). Province GR, three communes in March 2025:
 * GR-A processed 2 of 2 dossiers on time, GR-B 1 of 2 (the other late), GR-C none (no activity).
 * Progress is criterion 5 alone (20 × on-time rate): GR-A 20, GR-B 10. Everything else about
 * their dossiers is the same, so they tie in every other group.
 */
const PERIOD = '2025-03';

describe('group ranks over HTTP (real PostgreSQL)', () => {
  let platform: RunningPlatform;
  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${platform.reportingUrl}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const score = async (code: string) => (await get<UnitScoreDto>(`/api/v1/units/${code}/scores?period=${PERIOD}`)).body;
  const group = (s: { groups: readonly { id: string }[] }, id: string) => s.groups.find((g) => g.id === id) as UnitScoreDto['groups'][number];

  beforeAll(async () => {
    platform = await startPlatform();
    const a1 = dossierEvents('GR-A', 'A-1');
    const a2 = dossierEvents('GR-A', 'A-2');
    const b1 = dossierEvents('GR-B', 'B-1');
    const b2 = dossierEvents('GR-B', 'B-2');
    const res = await platform.postEvents([
      unitRegistered('GR', 'Tỉnh GR', 'province'),
      unitRegistered('GR-A', 'Xã A', 'commune', 'GR'),
      unitRegistered('GR-B', 'Xã B', 'commune', 'GR'),
      unitRegistered('GR-C', 'Xã C', 'commune', 'GR'),
      a1.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), a1.processed('2025-03-05T10:00:00'),
      a2.received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), a2.processed('2025-03-06T10:00:00'),
      b1.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), b1.processed('2025-03-05T10:00:00'),
      b2.received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), b2.processed('2025-03-14T10:00:00'), // 3 days late
    ]);
    expect(res.status).toBe(200);
    await waitFor(async () => {
      const [a, b] = await Promise.all([score('GR-A'), score('GR-B')]);
      return a.criteria?.find((c) => c.id === 5)?.denominator === 2 && b.criteria?.find((c) => c.id === 5)?.denominator === 2;
    }, { what: 'both communes scored', timeoutMs: 60_000 });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers each group\'s rank among the province\'s communes, ties shared, and the peers\' average', async () => {
    const [a, b, c] = await Promise.all([score('GR-A'), score('GR-B'), score('GR-C')]);
    expect(group(a, 'progress').points).toBe(20);
    expect(group(b, 'progress').points).toBe(10);
    expect(group(a, 'progress').rank).toEqual({ rank: 1, of: 2 });
    expect(group(b, 'progress').rank).toEqual({ rank: 2, of: 2 });
    expect(group(a, 'progress').peerAverage).toBe(15);
    // Same dossiers otherwise: a tie, both first.
    expect(group(a, 'transparency').rank).toEqual({ rank: 1, of: 2 });
    expect(group(b, 'transparency').rank).toEqual({ rank: 1, of: 2 });
    // No activity: unranked in every group, the two others' average beside it.
    expect(c.hasData).toBe(false);
    expect(c.groups.every((g) => g.rank === null)).toBe(true);
    expect(group(c, 'progress').peerAverage).toBe(15);
  });

  it('ranks and sorts by a group in the ranking, and refuses an unknown sort with a reason', async () => {
    const byProgress = await get<RankingDto>(`/api/v1/rankings?period=${PERIOD}&level=commune&parent=GR&sort=progress`);
    expect(byProgress.status).toBe(200);
    expect(byProgress.body.sort).toBe('progress');
    expect(byProgress.body.rows.map((r) => [r.unit.code, group(r, 'progress').rank])).toEqual([
      ['GR-A', { rank: 1, of: 2 }], ['GR-B', { rank: 2, of: 2 }], ['GR-C', null],
    ]);
    const bad = await get<{ reason: string }>(`/api/v1/rankings?period=${PERIOD}&level=commune&parent=GR&sort=speed`);
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toContain('sort: "speed" is not one of total, transparency, progress');
    const twice = await get<{ reason: string }>(`/api/v1/rankings?period=${PERIOD}&sort=total&sort=progress`);
    expect(twice.status).toBe(400);
  });

  it('lists a commune registered after the first reads at once: the cached unit tree is never stale', async () => {
    const listed = async () => (await get<RankingDto>(`/api/v1/rankings?period=${PERIOD}&level=commune&parent=GR`)).body.rows.map((r) => r.unit.code);
    expect(await listed()).toEqual(['GR-A', 'GR-B', 'GR-C']);
    const d = dossierEvents('GR-D', 'D-1');
    expect((await platform.postEvents([
      unitRegistered('GR-D', 'Xã D', 'commune', 'GR'),
      d.received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), d.processed('2025-03-06T08:00:00'),
    ])).status).toBe(200);
    await waitFor(async () => (await listed()).includes('GR-D'), { what: 'GR-D in the ranking', timeoutMs: 60_000 });
    // Scored: 1 of 1 on time, 20 progress points, tied first with GR-A among the three ranked.
    await waitFor(async () => (await score('GR-D')).rank?.of === 3, { what: 'GR-D ranked among three', timeoutMs: 60_000 });
    expect((await score('GR-D')).unit.name).toBe('Xã D');
    expect(group(await score('GR-D'), 'progress').rank).toEqual({ rank: 1, of: 3 });
  });
});
