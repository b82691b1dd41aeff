import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { type Period, periodContaining, resolvePeriod } from '@idx/domain';
import type { PostgresHistoryReader } from '@idx/event-store';
import { everyUnit, peersPoolsOf, replayPeriodScores } from './as-of/replayed-period-scores';
import type { ReadModelClient } from '@idx/read-models';
import { structureAt } from './cache/unit-structure';
import { type CachedTree, UnitTreeCache } from './cache/unit-tree-cache';
import { PeriodScores } from './period-scores';
import { type RankingFilter, rankingView, unitScoreView } from './score-views';

export type { RankingFilter, RankingSort } from './score-views';

/** The instant a period's structure is shown at: its last instant, or now while it runs (as PeriodScores.at). */
const atOf = (period: Period, now: number): number => Math.min(period.end - 1, now);

function previousOf(period: Period): Period {
  return periodContaining(period.kind, period.start - 1);
}

/**
 * What the reporting API answers: from the scoring projection's tables, or — with `asOf` — from
 * the events recorded up to that instant, recomputed.
 *
 * Live reads hold at national scale (docs/reads.md): the unit tree and its peer-group index are
 * kept between requests (UnitTreeCache, structureAt) and each answer reads only the finished rows
 * it shows — a unit's own row and its peers' ranking figures; a ranking's listed units and their
 * previous totals — by primary key.
 */
export class ScoreQueries {
  constructor(
    private readonly prisma: ReadModelClient,
    private readonly history?: PostgresHistoryReader,
    private readonly clock: () => number = Date.now,
    /** Share one with the other readers of the tree in a process (the reporting module does). */
    private readonly trees: UnitTreeCache = new UnitTreeCache(prisma),
  ) {}

  async unitScore(unitCode: string, periodKey: string, asOf?: Date): Promise<UnitScoreDto | undefined> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    const scores = asOf ? await this.replayed(period.key, asOf, unitCode) : await this.withTree((cached) => {
      const structure = structureAt(cached.tree, atOf(period, now), cached.shape);
      const peers = structure.peersIn(structure.peerGroupOf(unitCode));
      return PeriodScores.loadUnits(this.prisma, period.key, now, cached, [unitCode], peers);
    });
    if (!scores.has(unitCode)) return undefined;
    return unitScoreView(scores, unitCode, asOf);
  }

  async ranking(periodKey: string, filter: RankingFilter = {}, asOf?: Date): Promise<RankingDto> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    if (asOf) {
      const [scores, previous] = await Promise.all([this.replayed(period.key, asOf), this.replayed(previousOf(period).key, asOf)]);
      return rankingView(scores, previous, filter);
    }
    const [scores, previous] = await this.withTree((cached) => {
      const listed = structureAt(cached.tree, atOf(period, now), cached.shape).unitsOf(filter.level ?? 'province', filter.parent);
      return Promise.all([
        PeriodScores.loadUnits(this.prisma, period.key, now, cached, listed),
        PeriodScores.loadUnits(this.prisma, previousOf(period).key, now, cached, [], listed),
      ]);
    });
    return rankingView(scores, previous, filter);
  }

  /**
   * Reads rows for the units the cached tree names while the cache checks that the tree is still
   * current — one round trip instead of two — and reads again, on the new tree, when it moved.
   */
  private async withTree<T>(read: (tree: CachedTree) => Promise<T>): Promise<T> {
    const fresh = this.trees.current();
    const known = this.trees.peek();
    if (!known) return read(await fresh);
    const [current, answer] = await Promise.all([fresh, read(known)]);
    return current.tree === known.tree && current.shape === known.shape ? answer : read(current);
  }

  /**
   * Scores recomputed from the events recorded up to `asOf`: one unit with its peers' pools (so its
   * rank is among the same peers as the as-of ranking's), or every unit — as the unit tree stood at
   * `asOf` (as-of/replayed-period-scores.ts), not today's.
   */
  private async replayed(periodKey: string, asOf: Date, unitCode?: string): Promise<PeriodScores> {
    if (!this.history) throw new Error('as-of queries need the event history reader');
    const period = resolvePeriod(periodKey, this.clock()).period;
    const others = unitCode ? [] : (await this.prisma.unitPeriodScore.findMany({ select: { unitCode: true }, distinct: ['unitCode'] })).map((r) => r.unitCode);
    const pick = unitCode ? peersPoolsOf(unitCode) : everyUnit(others);
    return (await replayPeriodScores(this.history, pick, period.key, { recordedUntil: asOf }, asOf.getTime())).scores;
  }
}
