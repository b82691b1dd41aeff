import { computed, inject, Injectable, signal } from '@angular/core';
import type { RankingDto, ScoreDiffDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import { catchError, forkJoin, map, type Observable, of, Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable, LOADING } from '../../core/api/loadable';
import { applyLatest, keepOnQuietFailure, sameSelection } from '../../core/api/page-fetch';
import { EVENT_TYPE_TEXT } from '../../core/i18n/event-types.i18n';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { PEER_GROUP_TEXT, UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod, trendEndMonth } from '../../core/time/period-key';
import { formatClock } from '../../core/time/vietnam-time';
import { UnitApiService } from './unit-api.service';
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

const TREND_MONTHS = 12;

/** The levels listed under a unit: a province's departments, districts and communes; a district's communes. */
const SUB_UNIT_LEVELS: Readonly<Record<string, readonly string[]>> = {
  province: ['department', 'district', 'commune'],
  district: ['commune'],
};

/** Which unit, period and (for auditors) record-time moment the page shows. */
export interface UnitSelection {
  readonly code: string;
  readonly period: string;
  readonly asOf: string | null;
}

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

  private readonly scoreFetches = new Subject<{ readonly selection: UnitSelection; readonly quiet: boolean }>();
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
    return state.status === 'ready' ? formatClock(state.at, this.language.locale()) : null;
  });

  constructor() {
    const isCurrent = (selection: UnitSelection) => sameSelection(this.selectionState(), selection);
    applyLatest(
      this.scoreFetches,
      ({ selection }) => this.api.fetchScore(selection.code, selection.period, selection.asOf),
      isCurrent,
      ({ selection, quiet }, state) => this.applyScore(selection, state, quiet),
    );
    applyLatest(
      this.trendFetches,
      ({ selection }) => this.api.fetchTrend(selection.code, trendEndMonth(selection.period), TREND_MONTHS),
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

    // Figures as of a past moment do not move.
    refreshOnScoreChanges({
      concerns: (message) => this.concernsPage(message.unitCode, message.period),
      refresh: () => this.refresh(),
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
      this.scoreFetches.next({ selection, quiet: true });
      return;
    }
    this.recomputingState.set(false);
    this.scoreState.set(LOADING);
    this.scoreFetches.next({ selection, quiet: false });
    if (!samePage) {
      this.trendState.set(LOADING);
      this.subUnitsState.set(IDLE);
      this.diffState.set(IDLE);
      this.trendFetches.next({ selection, quiet: false });
    }
  }

  /** Refetches everything on screen, keeping the current figures meanwhile. */
  refresh(): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.scoreFetches.next({ selection, quiet: this.score() !== null });
    this.trendFetches.next({ selection, quiet: this.trendState().status === 'ready' });
  }

  compare(from: string, to: string): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.diffState.set(LOADING);
    this.diffFetches.next({ selection, from, to });
  }

  private applyScore(selection: UnitSelection, state: Loadable<UnitScoreDto>, quiet: boolean): void {
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
      if (levels.length > 0) {
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

  /** A change to the unit, a unit pooled into it, or a listed sub-unit, in a period the page shows. */
  private concernsPage(unitCode: string, period: string): boolean {
    const selection = this.selectionState();
    if (!selection || !changeAffectsPeriod(period, selection.period)) return false;
    if (unitCode === selection.code) return true;
    if (this.score()?.pooledUnits.includes(unitCode)) return true;
    return (dataOf(this.subUnitsState()) ?? []).some((r) => r.rows.some((row) => row.unit.code === unitCode));
  }
}
