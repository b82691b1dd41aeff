import { computed, inject, Injectable, signal } from '@angular/core';
import type { RankingDto, ScoreChangedMessageDto, ScoreDiffDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, forkJoin, map, mergeMap, type Observable, of, Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable, LOADING } from '../../core/api/loadable';
import { applyLatest, keepOnQuietFailure, sameSelection } from '../../core/api/page-fetch';
import { EVENT_TYPE_TEXT } from '../../core/i18n/event-types.i18n';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { PEER_GROUP_TEXT, UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { refetchOnScoreChangeBursts } from '../../core/live/live-refresh';
import { formatClock } from '../../core/time/vietnam-time';
import { UnitApiService } from './unit-api.service';
import { isEmptyPlan, monthSpan, planUnitRefetch, type UnitPageShown, type UnitRefetchPlan } from './unit-live-plan';
import { trendWindowOf, type UnitSelection } from './unit-selection';
import { UNIT_TEXT } from './unit.i18n';
import {
  toCriteriaGroups,
  toDiffView,
  toGroupCards,
  toRadarPoints,
  toSubUnitLevel,
  toSummaryView,
  toTrendPoints,
  type UnitViewContext,
} from './unit-view';

/** The levels listed under a unit: a province's departments, districts and communes; a district's communes. */
const SUB_UNIT_LEVELS: Readonly<Record<string, readonly string[]>> = {
  province: ['department', 'district', 'commune'],
  district: ['commune'],
};

export type { UnitSelection } from './unit-selection';

/** One unit's page: its score (live, or as of a moment), 12-month trend, sub-units and a diff. */
@Injectable()
export class UnitStore {
  private readonly api = inject(UnitApiService);
  private readonly language = inject(LanguageService);
  private readonly text = injectTranslations(UNIT_TEXT);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  private readonly peerLabels = injectTranslations(PEER_GROUP_TEXT);
  private readonly eventTypes = injectTranslations(EVENT_TYPE_TEXT);

  private readonly selectionState = signal<UnitSelection | null>(null);
  private readonly scoreState = signal<Loadable<UnitScoreDto>>(IDLE);
  /** A live refresh failed while older figures are still on screen. */
  private readonly refreshFailedState = signal(false);
  /** A new as-of moment is being recomputed while the previous figures stay on screen. */
  private readonly recomputingState = signal(false);
  private readonly trendState = signal<Loadable<UnitTrendDto>>(IDLE);
  private readonly subUnitsState = signal<Loadable<readonly RankingDto[]>>(IDLE);
  private readonly diffState = signal<Loadable<ScoreDiffDto>>(IDLE);

  /** `subUnits`: (re)load the sub-unit levels once the score is in (a first load, a reconnection), not after a live change. */
  private readonly scoreFetches = new Subject<{ readonly selection: UnitSelection; readonly quiet: boolean; readonly subUnits: boolean }>();
  /** A live change's months of the trend, merged into the trend on screen. */
  private readonly trendPointFetches = new Subject<{ readonly selection: UnitSelection; readonly months: readonly string[] }>();
  /** One sub-unit level whose listed units changed, replaced in place. */
  private readonly subUnitLevelFetches = new Subject<{ readonly selection: UnitSelection; readonly level: string }>();
  private readonly trendFetches = new Subject<{ readonly selection: UnitSelection; readonly quiet: boolean }>();
  private readonly subUnitFetches = new Subject<{ readonly selection: UnitSelection; readonly level: string; readonly quiet: boolean }>();
  private readonly diffFetches = new Subject<{ readonly selection: UnitSelection; readonly from: string; readonly to: string }>();

  readonly selection = this.selectionState.asReadonly();
  readonly scoreStatus = computed(() => this.scoreState().status);
  readonly score = computed(() => dataOf(this.scoreState()));
  readonly refreshFailed = this.refreshFailedState.asReadonly();
  readonly recomputing = this.recomputingState.asReadonly();
  readonly trendStatus = computed(() => this.trendState().status);
  readonly subUnitsStatus = computed(() => this.subUnitsState().status);
  readonly diffStatus = computed(() => this.diffState().status);

  private readonly context = computed<UnitViewContext>(() => ({
    language: this.language.current(),
    locale: this.language.locale(),
    text: this.text(),
    scoreText: this.scoreText(),
    levelLabels: this.levelLabels(),
    peerLabels: this.peerLabels(),
  }));

  readonly summary = computed(() => {
    const score = this.score();
    return score ? toSummaryView(score, this.context()) : null;
  });
  readonly groupCards = computed(() => {
    const score = this.score();
    return score ? toGroupCards(score, this.context()) : [];
  });
  readonly criteriaGroups = computed(() => {
    const score = this.score();
    return score ? toCriteriaGroups(score, this.context()) : [];
  });
  readonly radarPoints = computed(() => {
    const score = this.score();
    return score ? toRadarPoints(this.groupCards(), score, this.context()) : [];
  });
  readonly trendPoints = computed(() => {
    const trend = dataOf(this.trendState());
    return trend ? toTrendPoints(trend, this.context()) : [];
  });
  readonly subUnitLevels = computed(() =>
    (dataOf(this.subUnitsState()) ?? []).filter((r) => r.rows.length > 0).map((r) => toSubUnitLevel(r, this.context())),
  );
  /** Sub-unit levels are looked up only for units that have sub-units. */
  readonly hasSubUnitLevels = computed(() => (SUB_UNIT_LEVELS[this.score()?.unit.level ?? ''] ?? []).length > 0);
  readonly diff = computed(() => {
    const diff = dataOf(this.diffState());
    return diff ? toDiffView(diff, this.score()?.criteria ?? [], this.eventTypes(), this.context()) : null;
  });

  /** HH:mm:ss (Vietnam time) of the last successful score fetch. */
  readonly lastUpdated = computed(() => {
    const state = this.scoreState();
    return state.status === 'ready' ? formatClock(state.at) : null;
  });

  constructor() {
    const isCurrent = (selection: UnitSelection) => sameSelection(this.selectionState(), selection);
    applyLatest(
      this.scoreFetches,
      ({ selection }) => this.api.fetchScore(selection.code, selection.period, selection.asOf),
      isCurrent,
      ({ selection, quiet, subUnits }, state) => this.applyScore(selection, state, quiet, subUnits),
    );
    applyLatest(
      this.trendFetches,
      ({ selection }) => {
        const span = trendWindowOf(selection);
        return this.api.fetchTrend(selection.code, span.to, span.months);
      },
      isCurrent,
      keepOnQuietFailure(this.trendState),
    );
    applyLatest(
      this.subUnitFetches,
      ({ selection, level }) => this.subUnitsOf(selection, level),
      isCurrent,
      keepOnQuietFailure(this.subUnitsState),
    );
    applyLatest(
      this.diffFetches,
      ({ selection, from, to }) => this.api.fetchDiff(selection.code, selection.period, from, to),
      isCurrent,
      (_, state) => this.diffState.set(state),
    );

    // Live changes refetch only what they touched, in the background: the trend's changed months
    // are merged into the line on screen (never back to "loading"), one sub-unit level is replaced.
    this.trendPointFetches
      .pipe(
        mergeMap((fetch) => {
          const first = fetch.months[0];
          const last = fetch.months[fetch.months.length - 1];
          return this.api.fetchTrend(fetch.selection.code, last, monthSpan(first, last)).pipe(
            map((trend) => ({ fetch, trend })),
            catchError(() => of(null)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => result && isCurrent(result.fetch.selection) && this.mergeTrend(result.trend));
    this.subUnitLevelFetches
      .pipe(
        mergeMap((fetch) =>
          this.api.fetchSubUnits(fetch.selection.period, fetch.level, fetch.selection.code).pipe(
            map((ranking) => ({ fetch, ranking })),
            catchError(() => of(null)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => result && isCurrent(result.fetch.selection) && this.replaceSubUnitLevel(result.fetch.level, result.ranking));

    // Figures as of a past moment do not move.
    refetchOnScoreChangeBursts({
      concerns: (message) => !isEmptyPlan(this.planFor([message])),
      applyBurst: (messages) => this.refetch(this.planFor(messages)),
      reconnected: () => this.refresh(),
      live: () => this.selectionState()?.asOf === null,
    });
  }

  select(selection: UnitSelection): void {
    const previous = this.selectionState();
    if (sameSelection(previous, selection)) return;
    this.selectionState.set(selection);
    this.refreshFailedState.set(false);
    const samePage = !!previous && previous.code === selection.code && previous.period === selection.period;
    // Another as-of moment changes only the unit's own score: the page stays (inputs, charts, diff)
    // and the figures are replaced when the recomputation arrives.
    if (samePage && this.score() !== null) {
      this.recomputingState.set(true);
      this.scoreFetches.next({ selection, quiet: true, subUnits: false });
      return;
    }
    this.recomputingState.set(false);
    this.scoreState.set(LOADING);
    this.scoreFetches.next({ selection, quiet: false, subUnits: true });
    if (!samePage) {
      this.trendState.set(LOADING);
      this.subUnitsState.set(IDLE);
      this.diffState.set(IDLE);
      this.trendFetches.next({ selection, quiet: false });
    }
  }

  /** Refetches everything on screen, keeping the current figures meanwhile (a retry, a reconnection). */
  refresh(): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.scoreFetches.next({ selection, quiet: this.score() !== null, subUnits: true });
    // A trend still loading keeps its request: restarting it on every refresh is what kept it "loading".
    if (this.trendState().status !== 'loading') this.trendFetches.next({ selection, quiet: this.trendState().status === 'ready' });
  }

  /** Refetches what a burst of changes touched, and only that. */
  private refetch(plan: UnitRefetchPlan): void {
    const selection = this.selectionState();
    if (!selection) return;
    if (plan.score) this.scoreFetches.next({ selection, quiet: this.score() !== null, subUnits: false });
    if (plan.trendMonths.length > 0) this.trendPointFetches.next({ selection, months: plan.trendMonths });
    for (const level of plan.subUnitLevels) this.subUnitLevelFetches.next({ selection, level });
  }

  /** What the page shows, for planning what a change touched. */
  private planFor(messages: readonly ScoreChangedMessageDto[]): UnitRefetchPlan {
    const selection = this.selectionState();
    if (!selection) return planUnitRefetch([], { code: '', period: '', pooledUnits: [], trendMonths: [], subUnits: [] });
    const shown: UnitPageShown = {
      code: selection.code,
      period: selection.period,
      pooledUnits: this.score()?.pooledUnits ?? [],
      trendMonths: (dataOf(this.trendState())?.points ?? []).map((p) => p.period),
      subUnits: (dataOf(this.subUnitsState()) ?? []).map((r) => ({ level: r.level, unitCodes: r.rows.map((row) => row.unit.code) })),
    };
    return planUnitRefetch(messages, shown);
  }

  /** The refetched months' points replace theirs; the rest of the line stays. */
  private mergeTrend(partial: UnitTrendDto): void {
    const state = this.trendState();
    if (state.status !== 'ready') return;
    const fresh = new Map(partial.points.map((p) => [p.period, p]));
    this.trendState.set({ ...state, data: { ...state.data, points: state.data.points.map((p) => fresh.get(p.period) ?? p) }, at: new Date() });
  }

  private replaceSubUnitLevel(level: string, ranking: RankingDto): void {
    const state = this.subUnitsState();
    if (state.status !== 'ready') return;
    this.subUnitsState.set({ ...state, data: state.data.map((r) => (r.level === level ? ranking : r)), at: new Date() });
  }

  compare(from: string, to: string): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.diffState.set(LOADING);
    this.diffFetches.next({ selection, from, to });
  }

  private applyScore(selection: UnitSelection, state: Loadable<UnitScoreDto>, quiet: boolean, subUnits: boolean): void {
    const recomputing = this.recomputingState();
    this.recomputingState.set(false);
    // A failed live refresh keeps the figures; a failed recomputation must not pass them off as its own.
    if (quiet && !recomputing && state.status !== 'ready') {
      this.refreshFailedState.set(true);
      return;
    }
    this.refreshFailedState.set(false);
    this.scoreState.set(state);
    if (state.status === 'ready') {
      const levels = SUB_UNIT_LEVELS[state.data.unit.level] ?? [];
      if (levels.length > 0 && (subUnits || this.subUnitsState().status !== 'ready')) {
        this.subUnitFetches.next({ selection, level: state.data.unit.level, quiet: this.subUnitsState().status === 'ready' });
      }
    }
  }

  private subUnitsOf(selection: UnitSelection, level: string): Observable<readonly RankingDto[]> {
    const levels = SUB_UNIT_LEVELS[level] ?? [];
    // One level failing (e.g. no districts after the 2025 reform) must not hide the others.
    return forkJoin(
      levels.map((subLevel) =>
        this.api.fetchSubUnits(selection.period, subLevel, selection.code).pipe(catchError(() => of<RankingDto | null>(null))),
      ),
    ).pipe(
      map((rankings) => {
        const found = rankings.filter((r): r is RankingDto => r !== null);
        if (found.length === 0 && levels.length > 0) throw new Error('no sub-unit ranking could be loaded');
        return found;
      }),
    );
  }
}
