import type { CriterionScoreDto, ExplainDto, UnitTrendDto } from '@idx/contracts';
import { evaluationInstant, isOpenAt, monthKeyOf, parsePeriod, type Period, resolvePeriod, ruleSetInForce } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { type DeltaPlan, joinedReads, planDelta, rejudgeTimedRows, writeDelta } from './explain/explain-delta';
import {
  type ExplainCursor, type ExplainPage, type ExplainPageRequest, EXPLAIN_PAGE_SIZE, explainPageFrom, formatExplainCursor, pageOf, rankRange, readFirstPageOf,
} from './explain/explain-page';
import { type ExplainPhases, PhaseClock } from './explain/explain-phases';
import { type FinishedScopeRow, type FirstPageRead, readCursorPage, readFirstPage, type StoredPageRow } from './explain/explain-reads';
import { compareRows } from './explain/explain-rows';
import { buildExplainSet, type BuiltExplainSet, dropReplacedVersions, type ExplainList, type ExplainSet, type ExplainSetInput } from './explain/explain-sets';
import { PeriodScores } from './period-scores';
import { criterionDtos } from './score-dto';
import { unitScoreView } from './score-views';

export * from './explain/explain-page';
export type { ExplainList, ExplainSet } from './explain/explain-sets';
export type { ExplainPhases } from './explain/explain-phases';
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

/** Sets whose last drop of replaced versions this process remembers. */
const DROPS_REMEMBERED = 256;

const GONE = 'cursor: the version of the list it pages is no longer kept (it changed more than 10 minutes ago); load the first page again';

/** Drill-down for officials: a unit's trend, and what makes up a criterion's figure. */
export class ExplainQueries {
  /** Full builds under way in this process, one per unit-period-criterion: concurrent first pages share it. */
  private readonly building = new Map<string, Promise<BuiltExplainSet>>();
  /** Sets built here whose rows are still being stored, by their first version: a cursor into one waits for them. */
  private readonly storing = new Map<bigint, Promise<void>>();
  /**
   * Builds of this process whose storing has settled, counted: a first page whose read began before one
   * settled may have missed its set (not yet complete) after the build left `building`, so it reads again
   * rather than build the same list a second time.
   */
  private buildsSettled = 0;
  /** Deltas under way in this process, per set: concurrent first pages wait for the same one. */
  private readonly applying = new Map<bigint, Promise<DeltaOutcome>>();
  private phaseListener: ((phases: ExplainPhases) => void) | undefined;
  /** Sets whose time-dependent rows are being re-judged in the background. */
  private readonly rejudging = new Set<bigint>();
  /** When this process last dropped a set's replaced versions: at most once a minute, not after every delta. */
  private readonly dropped = new Map<bigint, number>();
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

  /** Told of each answered request's phases (the benchmark prints them); undefined: nobody listens. */
  observePhases(listener: ((phases: ExplainPhases) => void) | undefined): void {
    this.phaseListener = listener;
  }

  /**
   * One page of the subjects behind one criterion of a unit's (pooled) score, those that cost points
   * first, with the totals of the whole list. The first page (no cursor) reads the list as the pool's
   * subjects are now: the latest list given the subjects changed since it (explain-delta.ts), or a
   * list built whole when there is none; a cursor reads on in the version its first page came from.
   * Statements (explain-reads.ts): nothing changed, one; a change taken in, two (read, write); a cursor page, one.
   */
  async explain(unitCode: string, periodKey: string, criterion: number, request: ExplainPageRequest = FIRST_PAGE): Promise<ExplainDto | undefined> {
    const now = this.clock();
    const { period } = resolvePeriod(periodKey, now);
    const clock = new PhaseClock();
    const answer = request.cursor
      ? await this.cursorPage(unitCode, period, criterion, request, request.cursor, now, clock)
      : await this.firstPage(unitCode, period, criterion, request, now, clock);
    if (!answer) return undefined;
    this.phaseListener?.(clock.done());
    const { score, list, page } = answer;
    return {
      unitCode, period: period.key, criterion: score, totals: list.totals,
      page: {
        size: request.size, category: request.category, cursor: request.cursor ? formatExplainCursor(request.cursor) : null,
        next: page.next ? formatExplainCursor(page.next) : null, offset: page.offset,
      },
      evaluatedAt: list.evaluatedAt.toISOString(), items: page.items,
    };
  }

  /** The unit's criteria as its score shows them and the units pooled into it, from its finished row as read with the list. */
  private async scopeOf(row: FinishedScopeRow | null, unitCode: string, period: Period, now: number) {
    if (row) return { criteria: criterionDtos(row.score, ruleSetInForce(period.start), row.has_activity), members: row.pooled_units };
    // No finished row: a registered unit none of whose pool has figures is shown as "no data" by the same view as its score.
    const scores = await PeriodScores.load(this.prisma, period.key, now);
    if (!scores.has(unitCode)) return undefined;
    return { criteria: unitScoreView(scores, unitCode).criteria, members: scores.score(unitCode).pooledUnits };
  }

  /** A page further on: one statement (the score, the cursor's version and the page); its rejection waits until the unit is known (404 before 400/409). */
  private async cursorPage(
    unitCode: string, period: Period, criterion: number, request: ExplainPageRequest, cursor: ExplainCursor, now: number, clock: PhaseClock,
  ): Promise<Answer | undefined> {
    clock.path = 'cursor';
    // Built here a moment ago: its rows may still be on their way (a failed write shows as a missing list).
    await this.storing.get(cursor.listId)?.catch(() => undefined);
    const read = await clock.time('read', () => readCursorPage(this.prisma, unitCode, period, cursor, request));
    const score = (await this.scopeOf(read.scope, unitCode, period, now))?.criteria.find((c) => c.id === criterion);
    if (!score) return undefined;
    const { list } = read;
    if (!list) throw new ExplainCursorRejected(true, GONE);
    if (list.unitCode !== unitCode || list.period !== period.key || list.criterion !== criterion) {
      throw new ExplainCursorRejected(false, `cursor: it pages another list (${list.unitCode}, ${list.period}, criterion ${list.criterion}); send it with the same unit, period and criterion`);
    }
    // A cursor this service gave has a row after it in its version (else its page's next was null): none,
    // and its own row gone, means its version is no longer kept.
    if (read.rows.length === 0 && !read.kept) throw new ExplainCursorRejected(true, GONE);
    return { score, list, page: pageOf(list.id, request, read.rows) };
  }

  /**
   * The first page as the pool's subjects are now: one statement reads the score, the latest list,
   * the changes since it and the page of its current version. No change: that is the answer. Changes:
   * they are judged and written as a new version in one more statement (compare-and-set, explain-delta.ts)
   * and the page is the one read with the delta's rows merged in. A write that lost a race to another
   * reader reads again (the list has moved on); after MAX_ATTEMPTS the version read is answered.
   */
  private async firstPage(
    unitCode: string, period: Period, criterion: number, request: ExplainPageRequest, now: number, clock: PhaseClock,
  ): Promise<Answer | undefined> {
    for (let attempt = 1; ; attempt++) {
      const settledBefore = this.buildsSettled;
      const read = await clock.time('read', () => readFirstPage(this.prisma, unitCode, period, criterion, request));
      const scope = await this.scopeOf(read.scope, unitCode, period, now);
      const score = scope?.criteria.find((c) => c.id === criterion);
      if (!scope || !score) return undefined;
      const input = { unitCode, period, criterion, members: scope.members, asOf: now };
      const answered = await this.currentPage(read, input, request, clock, { last: attempt >= MAX_ATTEMPTS, buildSettledSinceRead: this.buildsSettled !== settledBefore });
      if (answered) return { score, ...answered };
      clock.retries++;
    }
  }

  /**
   * The page of the list as the pool's subjects are now, from what `read` saw; undefined when a delta
   * lost its race and the read should be repeated (never when `last`). A build under way answers from
   * its rows in memory; no list or another pool builds one whole; an open period's time-dependent rows
   * are re-judged in the background once they are older than openMaxAgeMs (and once more after the period ends).
   * A build that settled while `read` was on its way may have made the set it did not see: read again first.
   */
  private async currentPage(
    read: FirstPageRead, input: ExplainSetInput, request: ExplainPageRequest, clock: PhaseClock, { last, buildSettledSinceRead }: { last: boolean; buildSettledSinceRead: boolean },
  ) {
    const { unitCode, period, criterion } = input;
    const key = `${unitCode}\u0000${period.key}\u0000${criterion}`;
    const running = this.building.get(key);
    if (running) {
      clock.path = 'building';
      const built = await clock.time('build', () => running, 0);
      return { list: built.set.list, page: explainPageFrom(built.rows, built.set.list.id, request) };
    }
    const { set } = read;
    if (!set || !samePool(set.members, input.members)) return buildSettledSinceRead && !last ? undefined : this.build(key, input, request, clock);
    let outcome: DeltaOutcome = { list: set.list, added: [], retired: [] };
    if (read.changes.length > 0) {
      const shared = this.applying.get(set.id);
      if (shared) {
        // Another request of this process is writing this set's next version: its page is read from it once written.
        clock.path = 'shared';
        const theirs = await shared;
        if ('rebuild' in theirs) return this.build(key, input, request, clock);
        if ('list' in theirs) return { list: theirs.list, page: await clock.time('page', () => readFirstPageOf(this.prisma, theirs.list, request)) };
        return last ? { list: set.list, page: pageOf(set.list.id, request, read.rows) } : undefined;
      }
      clock.path = 'delta';
      const applying = this.applyDelta(set, read, period, input.asOf, clock);
      this.applying.set(set.id, applying);
      outcome = await applying.finally(() => this.applying.delete(set.id));
      if ('rebuild' in outcome) return this.build(key, input, request, clock);
      if ('lost' in outcome) return last ? { list: set.list, page: pageOf(set.list.id, request, read.rows) } : undefined;
      void this.dropReplaced(set.id).catch(() => undefined);
    }
    const instant = evaluationInstant(period, input.asOf);
    if (set.judgedAt.getTime() < instant - (isOpenAt(period, input.asOf) ? this.openMaxAgeMs : 0)) this.rejudgeInBackground(set, period, input.asOf);
    if (outcome.added.length === 0 && outcome.retired.length === 0) return { list: outcome.list, page: pageOf(outcome.list.id, request, read.rows) };
    // The new version's first rows: those read from the version it replaces (a prefix of it), less the
    // rows it retired, with the rows it added. Fewer than a page and a next one left: more rows were
    // retired from the prefix than read past the page (PAGE_SLACK), so the page is read from the new version.
    const retired = new Set(outcome.retired.map((r) => r.subject_key));
    const kept = read.rows.filter((r) => !retired.has(r.subjectKey));
    if (!read.all && kept.length < request.size + 1) {
      return { list: outcome.list, page: await clock.time('page', () => readFirstPageOf(this.prisma, outcome.list, request)) };
    }
    const { from, to } = rankRange(request.category);
    const rows: readonly (StoredPageRow | ExplainRowDraftWithSeq)[] = [...kept, ...outcome.added.filter((r) => r.rank >= from && r.rank <= to)].sort(compareRows);
    return { list: outcome.list, page: explainPageFrom(rows, outcome.list.id, request) };
  }

  /** Judges the changes read and writes them as the set's next version (one statement). */
  private async applyDelta(set: FirstPageSet, read: FirstPageRead, period: Period, asOf: number, clock: PhaseClock): Promise<DeltaOutcome> {
    const base = { set, nextSeq: set.nextSeq, changes: read.changes };
    const reads = joinedReads(this.prisma, set, period);
    const joined: typeof reads = (request, changedDossiers) => {
      clock.sent();
      return reads(request, changedDossiers);
    };
    const plan = await clock.time('judge', () => planDelta({ base, period, asOf, joined }), 0);
    if ('rebuild' in plan) return plan;
    const written = await clock.time('write', () => writeDelta(this.prisma, plan));
    return 'lost' in written ? written : { list: written.list, added: plan.added, retired: plan.retired };
  }

  private async dropReplaced(setId: bigint): Promise<void> {
    const now = Date.now();
    if (now - (this.dropped.get(setId) ?? 0) < 60_000) return;
    this.dropped.set(setId, now);
    if (this.dropped.size > DROPS_REMEMBERED) this.dropped.delete(this.dropped.keys().next().value as bigint);
    await dropReplacedVersions(this.prisma, setId);
  }

  /**
   * Re-judges the time-dependent rows (with any change since) without holding up the reader: the
   * page is answered from the current version; the next first page after it sees the new one.
   */
  private rejudgeInBackground(set: ExplainSet, period: Period, now: number): void {
    if (this.rejudging.has(set.id)) return;
    this.rejudging.add(set.id);
    rejudgeTimedRows(this.prisma, set, period, now)
      .then(() => this.dropReplaced(set.id))
      .catch((error: unknown) => this.onBackgroundError(error))
      .finally(() => this.rejudging.delete(set.id));
  }

  /** A full build, one per unit-period-criterion in this process; first pages are answered from memory until its rows are stored. */
  private async build(key: string, input: ExplainSetInput, request: ExplainPageRequest, clock: PhaseClock): Promise<{ list: ExplainList; page: ExplainPage }> {
    clock.path = 'build';
    const running = this.building.get(key);
    const build = running ?? buildExplainSet(this.prisma, input);
    if (!running) this.building.set(key, build);
    try {
      const built = await clock.time('build', () => build, 0);
      if (!running) {
        this.storing.set(built.set.list.id, built.stored);
        built.stored.catch(() => undefined).finally(() => {
          this.storing.delete(built.set.list.id);
          this.building.delete(key);
          this.buildsSettled++;
        });
      }
      return { list: built.set.list, page: explainPageFrom(built.rows, built.set.list.id, request) };
    } catch (error) {
      this.building.delete(key);
      throw error;
    }
  }
}

/** An answer before it is shaped: the criterion's figure, the version read and its page. */
interface Answer { readonly score: CriterionScoreDto; readonly list: ExplainList; readonly page: ExplainPage }

type FirstPageSet = NonNullable<FirstPageRead['set']>;
type ExplainRowDraftWithSeq = DeltaPlanApplied['added'][number];
type DeltaPlanApplied = Exclude<DeltaPlan, { rebuild: string }>;

/** A delta's outcome: the new version with the rows it added and retired; a rebuild; or lost to a concurrent writer. */
type DeltaOutcome =
  | { readonly list: ExplainList; readonly added: DeltaPlanApplied['added']; readonly retired: DeltaPlanApplied['retired'] }
  | { readonly rebuild: string }
  | { readonly lost: true };

/** Reads of a first page before its version read is answered as it is (a race lost this many times in a row: rare). */
const MAX_ATTEMPTS = 3;

const samePool = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
