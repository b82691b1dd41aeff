import type { RankingDto } from '@idx/contracts';
import { parsePeriod, type UnitScore } from '@idx/domain';
import { PostgresEventStore, START } from '@idx/event-store';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { finishScore, ScoringProjector } from '@idx/scoring-projection';
import { createTestDatabase, type TestDatabase, unitRegistered } from '@idx/testing';
import { streamIdOf } from '@idx/domain';
import { ScoreQueries } from '../score-queries';
import { loadUnitTree } from '../unit-tree-loader';

const NOW = Date.parse('2025-09-10T12:00:00+07:00');
const PERIOD = '2025-08';

/**
 * Five communes of one province with finished scores written by hand (the reads' input), so every
 * expected rank and average below is worked out on paper. Groups are compared as displayed: one
 * decimal (qd766-2022's rounding.group), so 10.04 ties with 10. C4 had no activity: listed,
 * never ranked, never averaged. C5's online payment is N/A (no fee-bearing procedure).
 *
 *            total  transparency  progress  online-payment  activity
 *   C1        80        10          15.5          5            yes
 *   C2        75        10.04       17            4            yes
 *   C3        70         8          17            5            yes
 *   C4        90        12          18            6            no
 *   C5        60         9          12           N/A           yes
 */
const FIGURES: Record<string, { total: number; transparency: number; progress: number; payment: number | null; active: boolean }> = {
  'X-C1': { total: 80, transparency: 10, progress: 15.5, payment: 5, active: true },
  'X-C2': { total: 75, transparency: 10.04, progress: 17, payment: 4, active: true },
  'X-C3': { total: 70, transparency: 8, progress: 17, payment: 5, active: true },
  'X-C4': { total: 90, transparency: 12, progress: 18, payment: 6, active: false },
  'X-C5': { total: 60, transparency: 9, progress: 12, payment: null, active: true },
};

describe('group ranks: each group ranked among the same peers as the total, with the peers\' average (real PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: ReadModelClient;
  let queries: ScoreQueries;

  beforeAll(async () => {
    db = await createTestDatabase('group_ranks');
    await migrateDatabase(db.pool);
    prisma = createReadModelClient(db.url, 2);
    const store = new PostgresEventStore(db.pool);
    const units = [unitRegistered('X', 'Tỉnh X', 'province'), ...Object.keys(FIGURES).map((c) => unitRegistered(c, `Xã ${c}`, 'commune', 'X'))];
    await store.appendMany(units.map((event) => ({ streamId: streamIdOf(event), event })));
    const projector = new ScoringProjector(prisma, { clock: () => NOW });
    await projector.handle(await store.readAll(START, 100));
    await projector.flushPending();
    const tree = await loadUnitTree(prisma);
    const period = parsePeriod(PERIOD);
    for (const [code, f] of Object.entries(FIGURES)) {
      // A real score's shape (every group and criterion), its group points set by hand.
      const template = finishScore(tree, period, code, { own: () => undefined, lastYear: () => [] }).score;
      const points: Record<string, number | null> = { transparency: f.transparency, progress: f.progress, 'online-payment': f.payment };
      const score: UnitScore = {
        ...template,
        total: f.total,
        groups: template.groups.map((g) => (g.id in points ? { ...g, points: points[g.id] ?? 0, notApplicable: points[g.id] === null } : g)),
      };
      await prisma.finishedScore.upsert({
        where: { unitCode_period: { unitCode: code, period: PERIOD } },
        create: {
          unitCode: code, period: PERIOD, periodKind: 'month', ruleSetId: template.ruleSetId, level: 'commune', figures: {}, score: score as never,
          total: f.total, hasActivity: f.active, pooledUnits: [code], lastPosition: 1n, updatedAt: new Date(NOW),
        },
        update: { score: score as never, total: f.total, hasActivity: f.active },
      });
    }
    queries = new ScoreQueries(prisma, undefined, () => NOW);
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const scoreOf = async (code: string) => {
    const found = await queries.unitScore(code, PERIOD);
    if (!found) throw new Error(`no score for ${code}`);
    return found;
  };
  const rowOf = (ranking: RankingDto, code: string) => {
    const found = ranking.rows.find((r) => r.unit.code === code);
    if (!found) throw new Error(`${code} is not listed`);
    return found;
  };
  const groupOf = (groups: readonly { id: string; rank?: unknown; peerAverage?: unknown }[], id: string) => groups.find((g) => g.id === id);

  it('ranks each group on its displayed points, ties sharing a rank, N/A unranked, with the unweighted mean of the ranked peers', async () => {
    const c2 = await scoreOf('X-C2');
    expect(c2.rank).toEqual({ rank: 2, of: 4, peerGroup: 'X/commune' });
    // 10 and 10.04 both show as 10.0: tied first; C5's 9 third, C3's 8 fourth.
    expect(groupOf(c2.groups, 'transparency')).toMatchObject({ rank: { rank: 1, of: 4 }, peerAverage: (10 + 10.04 + 8 + 9) / 4 });
    // 17, 17 (C2, C3) then 15.5 (C1), 12 (C5).
    expect(groupOf(c2.groups, 'progress')).toMatchObject({ rank: { rank: 1, of: 4 }, peerAverage: (15.5 + 17 + 17 + 12) / 4 });
    // Online payment: C1 5, C3 5 share first, C2's 4 third; C5 (N/A) is not among the 3.
    expect(groupOf(c2.groups, 'online-payment')).toMatchObject({ rank: { rank: 3, of: 3 } });
    expect((groupOf(c2.groups, 'online-payment')?.peerAverage as number)).toBeCloseTo((5 + 4 + 5) / 3, 12);

    const c5 = await scoreOf('X-C5');
    expect(groupOf(c5.groups, 'online-payment')).toMatchObject({ rank: { rank: null, of: 3 } });
    expect(groupOf(c5.groups, 'transparency')).toMatchObject({ rank: { rank: 3, of: 4 } });
    expect(groupOf(c5.groups, 'progress')).toMatchObject({ rank: { rank: 4, of: 4 } });
  });

  it('leaves a unit without activity unranked in every group, its peers\' average still beside it', async () => {
    const c4 = await scoreOf('X-C4');
    expect(c4.rank).toBeNull();
    for (const g of c4.groups) expect(g.rank).toBeNull();
    // Its own 12 is not in the mean.
    expect(groupOf(c4.groups, 'transparency')?.peerAverage).toBe((10 + 10.04 + 8 + 9) / 4);
  });

  it('answers the same group ranks in the ranking, and orders the rows by a group\'s rank when asked', async () => {
    const byTotal = await queries.ranking(PERIOD, { level: 'commune', parent: 'X' });
    expect(byTotal.sort).toBe('total');
    expect(byTotal.rows.map((r) => [r.unit.code, r.rank])).toEqual([['X-C1', 1], ['X-C2', 2], ['X-C3', 3], ['X-C5', 4], ['X-C4', null]]);
    const progressOf = (code: string) => groupOf(rowOf(byTotal, code).groups, 'progress')?.rank;
    expect(['X-C1', 'X-C2', 'X-C3', 'X-C5', 'X-C4'].map(progressOf)).toEqual([{ rank: 3, of: 4 }, { rank: 1, of: 4 }, { rank: 1, of: 4 }, { rank: 4, of: 4 }, null]);

    const byProgress = await queries.ranking(PERIOD, { level: 'commune', parent: 'X', sort: 'progress' });
    expect(byProgress.sort).toBe('progress');
    // Ties in unit-code order; the unit without activity last.
    expect(byProgress.rows.map((r) => r.unit.code)).toEqual(['X-C2', 'X-C3', 'X-C1', 'X-C5', 'X-C4']);
    const byPayment = await queries.ranking(PERIOD, { level: 'commune', parent: 'X', sort: 'online-payment' });
    expect(byPayment.rows.map((r) => r.unit.code)).toEqual(['X-C1', 'X-C3', 'X-C2', 'X-C5', 'X-C4']);
    // The rows' own rank stays the total's.
    expect(byPayment.rows.map((r) => r.rank)).toEqual([1, 3, 2, 4, null]);
  });
});
