import type { ExplainDto, UnitTrendDto } from '@idx/contracts';
import { isOpenAt, monthKeyOf, parsePeriod, type Period, resolvePeriod, ruleSetInForce, type UnitScore } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { type ExplainCursor, type ExplainPageRequest, EXPLAIN_PAGE_SIZE, explainPageFrom, formatExplainCursor, readExplainPage } from './explain/explain-page';
import { buildExplainSet, type BuiltExplainSet, type ExplainSet, explainSetById, latestExplainSet, latestSubjectPosition } from './explain/explain-sets';
import { PeriodScores } from './period-scores';
import { criterionDtos } from './score-dto';
import { unitScoreView } from './score-views';

export * from './explain/explain-page';
export type { ExplainSet } from './explain/explain-sets';

/** A cursor the service cannot page from: not this list's (400), or its list was replaced twice since (410). */
export class ExplainCursorRejected extends Error {
  constructor(readonly gone: boolean, reason: string) {
    super(reason);
  }
}

export interface ExplainOptions {
  /**
   * How long a built list of an open period is served before it is judged again at a later instant
   * (pending subjects become late as the clock moves, with no event). Default 60 s.
   */
  readonly openMaxAgeMs?: number;
}

const FIRST_PAGE: ExplainPageRequest = { size: EXPLAIN_PAGE_SIZE.default, category: 'all', cursor: undefined };

/** Drill-down for officials: a unit's trend, and what makes up a criterion's figure. */
export class ExplainQueries {
  private readonly building = new Map<string, Promise<BuiltExplainSet>>();
  /** Sets built here whose rows are still being stored: a cursor into one waits for them. */
  private readonly storing = new Map<bigint, Promise<void>>();
  private readonly openMaxAgeMs: number;

  constructor(private readonly prisma: ReadModelClient, private readonly clock: () => number = Date.now, options: ExplainOptions = {}) {
    this.openMaxAgeMs = options.openMaxAgeMs ?? 60_000;
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
   * first, with the totals of the whole list. The first page (no cursor) is read from the latest list
   * built from what the score is now made of, built here when there is none; a cursor reads on in the
   * list its first page came from.
   */
  async explain(unitCode: string, periodKey: string, criterion: number, request: ExplainPageRequest = FIRST_PAGE): Promise<ExplainDto | undefined> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    const [scope, latest] = await Promise.all([
      this.scope(unitCode, period, now),
      request.cursor ? undefined : latestExplainSet(this.prisma, unitCode, period.key, criterion),
    ]);
    if (!scope) return undefined;
    const score = scope.criteria.find((c) => c.id === criterion);
    if (!score) return undefined;
    const found = request.cursor ? { set: await this.cursorSet(request.cursor, unitCode, period, criterion) } : await this.freshSet(unitCode, period, criterion, scope, latest, now);
    const { set } = found;
    const page = 'items' in found ? explainPageFrom(found.items, set, request) : await readExplainPage(this.prisma, set, request);
    return {
      unitCode, period: period.key, criterion: score, totals: set.totals,
      page: {
        size: request.size, category: request.category, cursor: request.cursor ? formatExplainCursor(request.cursor) : null,
        next: page.next ? formatExplainCursor(page.next) : null, offset: page.offset,
      },
      evaluatedAt: set.evaluatedAt.toISOString(), items: page.items,
    };
  }

  /** The unit's criteria as its score shows them, the units pooled into it and what its list is built from. */
  private async scope(unitCode: string, period: Period, now: number) {
    const [row] = await this.prisma.$queryRawUnsafe<{ score: UnitScore; has_activity: boolean; pooled_units: string[]; last_position: bigint }[]>(
      `SELECT score, has_activity, pooled_units, last_position FROM finished_scores WHERE unit_code = $1 AND period = $2`, unitCode, period.key,
    );
    if (row) {
      const subjects = await latestSubjectPosition(this.prisma, row.pooled_units);
      return {
        criteria: criterionDtos(row.score, ruleSetInForce(period.start), row.has_activity),
        members: row.pooled_units, source: `${row.last_position}/${subjects}`,
      };
    }
    // No finished row: a registered unit none of whose pool has figures is shown as "no data" by the same view as its score.
    const scores = await PeriodScores.load(this.prisma, period.key, now);
    if (!scores.has(unitCode)) return undefined;
    const members = scores.score(unitCode).pooledUnits;
    return { criteria: unitScoreView(scores, unitCode).criteria, members, source: `none/${await latestSubjectPosition(this.prisma, members)}` };
  }

  private async cursorSet(cursor: ExplainCursor, unitCode: string, period: Period, criterion: number): Promise<ExplainSet> {
    const { setId } = cursor;
    // Built here a moment ago: its rows may still be on their way (a failed write shows as a missing set).
    await this.storing.get(setId)?.catch(() => undefined);
    const set = await explainSetById(this.prisma, setId);
    if (!set) throw new ExplainCursorRejected(true, 'cursor: the list it pages was rebuilt since (the score changed); load the first page again');
    if (set.unitCode !== unitCode || set.period !== period.key || set.criterion !== criterion) {
      throw new ExplainCursorRejected(false, `cursor: it pages another list (${set.unitCode}, ${set.period}, criterion ${set.criterion}); send it with the same unit, period and criterion`);
    }
    return set;
  }

  /**
   * The latest list if it was built from what the score is made of now (and, for an open period,
   * recently); else a new one, answered from memory as soon as it is classified, one build at a time.
   */
  private async freshSet(
    unitCode: string, period: Period, criterion: number, scope: { members: readonly string[]; source: string }, latest: ExplainSet | undefined, now: number,
  ): Promise<{ set: ExplainSet } | BuiltExplainSet> {
    const recent = (s: ExplainSet) => !isOpenAt(period, now) || now - s.evaluatedAt.getTime() <= this.openMaxAgeMs;
    if (latest && latest.source === scope.source && recent(latest)) return { set: latest };
    const key = `${unitCode}\u0000${period.key}\u0000${criterion}\u0000${scope.source}`;
    const running = this.building.get(key);
    if (running) return running;
    const build = buildExplainSet(this.prisma, { unitCode, period, criterion, members: scope.members, source: scope.source, asOf: now });
    this.building.set(key, build);
    try {
      const built = await build;
      this.storing.set(built.set.id, built.stored);
      // Until stored, readers of this source share the items in memory; then the table answers.
      built.stored.catch(() => undefined).finally(() => {
        this.storing.delete(built.set.id);
        this.building.delete(key);
      });
      return built;
    } catch (error) {
      this.building.delete(key);
      throw error;
    }
  }
}
