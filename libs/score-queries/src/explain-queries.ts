import type { ExplainDto, UnitTrendDto } from '@idx/contracts';
import { evaluationInstant, isOpenAt, monthKeyOf, parsePeriod, type Period, resolvePeriod, ruleSetInForce, type UnitScore } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { applyExplainDelta, type DeltaOutcome } from './explain/explain-delta';
import { type ExplainCursor, type ExplainPage, type ExplainPageRequest, EXPLAIN_PAGE_SIZE, explainPageFrom, formatExplainCursor, readExplainPage } from './explain/explain-page';
import { countedKind, type PoolSubject } from './explain/explain-rows';
import {
  buildExplainSet, type BuiltExplainSet, dropReplacedVersions, type ExplainList, type ExplainSet, type ExplainSetInput, explainListById, latestExplainSet,
} from './explain/explain-sets';
import { otherKindSubjects } from './explain/pool-subjects';
import { PeriodScores } from './period-scores';
import { criterionDtos } from './score-dto';
import { unitScoreView } from './score-views';

export * from './explain/explain-page';
export type { ExplainList, ExplainSet } from './explain/explain-sets';
export { MAX_DELTA_SUBJECTS } from './explain/explain-delta';

/** A cursor the service cannot page from: not this list's (400), or its version is no longer kept (409). */
export class ExplainCursorRejected extends Error {
  constructor(readonly gone: boolean, reason: string) {
    super(reason);
  }
}

export interface ExplainOptions {
  /**
   * How long the rows the clock alone changes (an open period's pending subjects) are served before
   * they are judged again at a later instant, in the background. Default 60 s.
   */
  readonly openMaxAgeMs?: number;
  /** Told of a background re-judging that failed (the next first page tries again). */
  readonly onBackgroundError?: (error: unknown) => void;
}

const FIRST_PAGE: ExplainPageRequest = { size: EXPLAIN_PAGE_SIZE.default, category: 'all', cursor: undefined };

/** Lists whose other-kind subjects are kept in memory for deltas, and the most subjects kept for one. */
const OTHERS_CACHE = { lists: 64, subjects: 50_000 } as const;

const GONE = 'cursor: the version of the list it pages is no longer kept (it changed more than 10 minutes ago); load the first page again';

/** Drill-down for officials: a unit's trend, and what makes up a criterion's figure. */
export class ExplainQueries {
  /** Full builds under way in this process, one per unit-period-criterion: concurrent first pages share it. */
  private readonly building = new Map<string, Promise<BuiltExplainSet>>();
  /** Sets built here whose rows are still being stored, by their first version: a cursor into one waits for them. */
  private readonly storing = new Map<bigint, Promise<void>>();
  /** Deltas under way in this process, per set: concurrent first pages wait for the same one. */
  private readonly applying = new Map<bigint, Promise<DeltaOutcome>>();
  /** Sets whose time-dependent rows are being re-judged in the background. */
  private readonly rejudging = new Set<bigint>();
  /** When this process last dropped a set's replaced versions: at most once a minute, not after every delta. */
  private readonly dropped = new Map<bigint, number>();
  /** The pool's subjects of the other kinds per set (they do not change while a set lives: such a change rebuilds it). */
  private readonly others = new Map<bigint, readonly PoolSubject[]>();
  private readonly openMaxAgeMs: number;
  private readonly onBackgroundError: (error: unknown) => void;

  constructor(private readonly prisma: ReadModelClient, private readonly clock: () => number = Date.now, options: ExplainOptions = {}) {
    this.openMaxAgeMs = options.openMaxAgeMs ?? 60_000;
    this.onBackgroundError = options.onBackgroundError ?? (() => undefined);
  }

  /**
   * Monthly totals and groups for the `months` months up to `to` (oldest first): the unit's own
   * finished rows only (total, activity and `score->'groups'`), one query by primary key.
   */
  async trend(unitCode: string, to: string | undefined, months = 12): Promise<UnitTrendDto> {
    const last = parsePeriod(to ?? monthKeyOf(this.clock()));
    const keys: string[] = [];
    for (let p = last; keys.length < months; p = parsePeriod(monthKeyOf(p.start - 1))) keys.unshift(p.key);
    const rows = await this.prisma.$queryRawUnsafe<{ period: string; total: number; has_activity: boolean; groups: { id: string; points: number; notApplicable?: boolean }[] }[]>(
      `SELECT period, total, has_activity, score->'groups' AS groups FROM finished_scores WHERE unit_code = $1 AND period = ANY($2::text[])`, unitCode, keys,
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const points = keys.map((key) => {
      const row = byPeriod.get(key);
      if (!row?.has_activity) return { period: key, total: null, groups: {} };
      return { period: key, total: Number(row.total), groups: Object.fromEntries(row.groups.map((g) => [g.id, g.notApplicable ? null : g.points])) };
    });
    return { unitCode, points };
  }

  /**
   * One page of the subjects behind one criterion of a unit's (pooled) score, those that cost points
   * first, with the totals of the whole list. The first page (no cursor) reads the list as the pool's
   * subjects are now: the latest list given the subjects changed since it (explain-delta.ts), or a
   * list built whole when there is none; a cursor reads on in the version its first page came from.
   */
  async explain(unitCode: string, periodKey: string, criterion: number, request: ExplainPageRequest = FIRST_PAGE): Promise<ExplainDto | undefined> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    // The score's scope and the list are independent reads: one round trip's wait for both.
    const [scope, latest, cursorList] = await Promise.all([
      this.scope(unitCode, period, now),
      request.cursor ? undefined : latestExplainSet(this.prisma, unitCode, period.key, criterion),
      // Its rejection waits until the unit is known (404 before 400/409).
      request.cursor ? this.cursorList(request.cursor, unitCode, period, criterion).catch((error: unknown) => ({ rejected: error })) : undefined,
    ]);
    if (!scope) return undefined;
    const score = scope.criteria.find((c) => c.id === criterion);
    if (!score) return undefined;
    let list: ExplainList;
    let page: ExplainPage | undefined;
    if (request.cursor) {
      if (!cursorList) throw new Error('explain: no list read for the cursor');
      if ('rejected' in cursorList) throw cursorList.rejected;
      list = cursorList;
      page = await readExplainPage(this.prisma, list, request);
      if (!page) throw new ExplainCursorRejected(true, GONE);
    } else {
      const current = await this.currentList(unitCode, period, criterion, scope.members, latest, now);
      list = current.list;
      page = 'rows' in current ? explainPageFrom(current.rows, list.id, request) : await readExplainPage(this.prisma, list, request);
      if (!page) throw new Error(`explain: the first page of list ${list.id} found no cursor row`);
    }
    return {
      unitCode, period: period.key, criterion: score, totals: list.totals,
      page: {
        size: request.size, category: request.category, cursor: request.cursor ? formatExplainCursor(request.cursor) : null,
        next: page.next ? formatExplainCursor(page.next) : null, offset: page.offset,
      },
      evaluatedAt: list.evaluatedAt.toISOString(), items: page.items,
    };
  }

  /** The unit's criteria as its score shows them and the units pooled into it. */
  private async scope(unitCode: string, period: Period, now: number) {
    const [row] = await this.prisma.$queryRawUnsafe<{ score: UnitScore; has_activity: boolean; pooled_units: string[] }[]>(
      `SELECT score, has_activity, pooled_units FROM finished_scores WHERE unit_code = $1 AND period = $2`, unitCode, period.key,
    );
    if (row) return { criteria: criterionDtos(row.score, ruleSetInForce(period.start), row.has_activity), members: row.pooled_units };
    // No finished row: a registered unit none of whose pool has figures is shown as "no data" by the same view as its score.
    const scores = await PeriodScores.load(this.prisma, period.key, now);
    if (!scores.has(unitCode)) return undefined;
    return { criteria: unitScoreView(scores, unitCode).criteria, members: scores.score(unitCode).pooledUnits };
  }

  private async cursorList(cursor: ExplainCursor, unitCode: string, period: Period, criterion: number): Promise<ExplainList> {
    // Built here a moment ago: its rows may still be on their way (a failed write shows as a missing list).
    await this.storing.get(cursor.listId)?.catch(() => undefined);
    const list = await explainListById(this.prisma, cursor.listId);
    if (!list) throw new ExplainCursorRejected(true, GONE);
    if (list.unitCode !== unitCode || list.period !== period.key || list.criterion !== criterion) {
      throw new ExplainCursorRejected(false, `cursor: it pages another list (${list.unitCode}, ${list.period}, criterion ${list.criterion}); send it with the same unit, period and criterion`);
    }
    return list;
  }

  /**
   * The list as the pool's subjects are now. A build under way answers from its rows in memory; the
   * latest list of the same pool takes in the subjects changed since its position (a few index reads
   * and rows for a live unit's event); no list, another pool or a change the delta cannot apply
   * builds a new one whole. An open period's time-dependent rows are re-judged in the background
   * once they are older than openMaxAgeMs (and once more after the period ends).
   */
  private async currentList(
    unitCode: string, period: Period, criterion: number, members: readonly string[], latest: ExplainSet | undefined, now: number,
  ): Promise<{ list: ExplainList } | { list: ExplainList; rows: BuiltExplainSet['rows'] }> {
    const key = `${unitCode}\u0000${period.key}\u0000${criterion}`;
    const running = this.building.get(key);
    if (running) {
      const built = await running;
      return { list: built.set.list, rows: built.rows };
    }
    if (!latest || !samePool(latest.members, members)) return this.build(key, { unitCode, period, criterion, members, asOf: now });
    let list = latest.list;
    if ((latest.poolPosition ?? 0n) > latest.subjectsPosition) {
      const outcome = await this.delta(latest, period, now);
      if ('rebuild' in outcome) return this.build(key, { unitCode, period, criterion, members, asOf: now });
      list = outcome.list;
    }
    const instant = evaluationInstant(period, now);
    if (latest.judgedAt.getTime() < instant - (isOpenAt(period, now) ? this.openMaxAgeMs : 0)) this.rejudgeInBackground(latest, period, now);
    return { list };
  }

  /** One delta per set at a time in this process (the transaction's row lock orders them across processes). */
  private delta(set: ExplainSet, period: Period, now: number): Promise<DeltaOutcome> {
    const running = this.applying.get(set.id);
    if (running) return running;
    const applied = applyExplainDelta(this.prisma, { set, period, asOf: now, rejudgeTimed: false, others: () => this.othersOf(set, period) });
    this.applying.set(set.id, applied);
    void applied.then(() => this.dropReplaced(set.id)).catch(() => undefined).finally(() => this.applying.delete(set.id));
    return applied;
  }

  private async dropReplaced(setId: bigint): Promise<void> {
    const now = Date.now();
    if (now - (this.dropped.get(setId) ?? 0) < 60_000) return;
    this.dropped.set(setId, now);
    if (this.dropped.size > OTHERS_CACHE.lists * 4) this.dropped.delete(this.dropped.keys().next().value as bigint);
    await dropReplacedVersions(this.prisma, setId);
  }

  /**
   * Re-judges the time-dependent rows (with any change since) without holding up the reader: the
   * page is answered from the current version; the next first page after it sees the new one.
   */
  private rejudgeInBackground(set: ExplainSet, period: Period, now: number): void {
    if (this.rejudging.has(set.id)) return;
    this.rejudging.add(set.id);
    applyExplainDelta(this.prisma, { set, period, asOf: now, rejudgeTimed: true, others: () => this.othersOf(set, period) })
      .then(() => this.dropReplaced(set.id))
      .catch((error: unknown) => this.onBackgroundError(error))
      .finally(() => this.rejudging.delete(set.id));
  }

  private async othersOf(set: ExplainSet, period: Period): Promise<readonly PoolSubject[]> {
    const kept = this.others.get(set.id);
    if (kept) return kept;
    const loaded = await otherKindSubjects(this.prisma, set.members, period, countedKind(set.criterion));
    this.keepOthers(set.id, loaded);
    return loaded;
  }

  private keepOthers(setId: bigint, subjects: readonly PoolSubject[]): void {
    if (subjects.length > OTHERS_CACHE.subjects) return;
    this.others.set(setId, subjects);
    // Oldest first in insertion order: drop the oldest past the limit.
    for (const id of this.others.keys()) {
      if (this.others.size <= OTHERS_CACHE.lists) break;
      this.others.delete(id);
    }
  }

  /** A full build, one per unit-period-criterion in this process; first pages are answered from memory until its rows are stored. */
  private async build(key: string, input: ExplainSetInput): Promise<{ list: ExplainList; rows: BuiltExplainSet['rows'] }> {
    const running = this.building.get(key);
    const build = running ?? buildExplainSet(this.prisma, input);
    if (!running) this.building.set(key, build);
    try {
      const built = await build;
      if (!running) {
        this.keepOthers(built.set.id, built.others);
        this.storing.set(built.set.list.id, built.stored);
        built.stored.catch(() => undefined).finally(() => {
          this.storing.delete(built.set.list.id);
          this.building.delete(key);
        });
      }
      return { list: built.set.list, rows: built.rows };
    } catch (error) {
      this.building.delete(key);
      throw error;
    }
  }
}

const samePool = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
