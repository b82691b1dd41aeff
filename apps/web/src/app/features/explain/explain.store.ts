import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ExplainDto, StreamEventsDto, UnitScoreDto } from '@idx/contracts';
import { catchError, map, mergeMap, of, Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable, loadable, LOADING } from '../../core/api/loadable';
import { applyLatest, keepOnQuietFailure, sameSelection } from '../../core/api/page-fetch';
import { EVENT_TYPE_TEXT } from '../../core/i18n/event-types.i18n';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { formatClock } from '../../core/time/vietnam-time';
import { ExplainApiService } from './explain-api.service';
import { EXPLAIN_TEXT } from './explain.i18n';
import { type ExplainViewContext, toFigureView, toHistoryView, toItemView } from './explain-view';

/** A province-month can list thousands of dossiers: render them a page at a time. */
const PAGE_SIZE = 50;

export interface ExplainSelection {
  readonly code: string;
  readonly period: string;
  readonly criterion: number;
}

/** One criterion of one unit-period: its figure, the subjects behind it, and their event histories. */
@Injectable()
export class ExplainStore {
  private readonly api = inject(ExplainApiService);
  private readonly language = inject(LanguageService);
  private readonly text = injectTranslations(EXPLAIN_TEXT);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly eventTypes = injectTranslations(EVENT_TYPE_TEXT);

  private readonly selectionState = signal<ExplainSelection | null>(null);
  private readonly explainState = signal<Loadable<ExplainDto>>(IDLE);
  private readonly unitState = signal<UnitScoreDto | null>(null);
  private readonly onlyCostingState = signal(false);
  private readonly visibleCountState = signal(PAGE_SIZE);
  private readonly expandedState = signal<ReadonlySet<string>>(new Set());
  private readonly historiesState = signal<ReadonlyMap<string, Loadable<StreamEventsDto>>>(new Map());

  private readonly explainFetches = new Subject<{ readonly selection: ExplainSelection; readonly quiet: boolean }>();
  private readonly historyFetches = new Subject<string>();

  readonly selection = this.selectionState.asReadonly();
  readonly status = computed(() => this.explainState().status);
  readonly onlyCosting = this.onlyCostingState.asReadonly();
  readonly expanded = this.expandedState.asReadonly();
  readonly unitName = computed(() => this.unitState()?.unit.name ?? null);

  private readonly context = computed<ExplainViewContext>(() => ({
    language: this.language.current(),
    locale: this.language.locale(),
    text: this.text(),
    scoreText: this.scoreText(),
    eventTypes: this.eventTypes(),
  }));

  readonly figure = computed(() => {
    const explain = dataOf(this.explainState());
    return explain ? toFigureView(explain.criterion, this.context()) : null;
  });
  readonly groupName = computed(() => {
    const explain = dataOf(this.explainState());
    const group = this.unitState()?.groups.find((g) => g.id === explain?.criterion.group);
    if (!group) return explain?.criterion.group ?? null;
    return this.language.current() === 'vi' ? group.nameVi : group.nameEn;
  });

  private readonly allItems = computed(() => dataOf(this.explainState())?.items ?? []);
  readonly itemCount = computed(() => this.allItems().length);
  readonly costingCount = computed(() => this.allItems().filter((item) => item.costsPoints).length);
  private readonly filteredItems = computed(() =>
    this.onlyCostingState() ? this.allItems().filter((item) => item.costsPoints) : this.allItems(),
  );
  readonly items = computed(() =>
    this.filteredItems()
      .slice(0, this.visibleCountState())
      .map((item) => toItemView(item, this.context())),
  );
  readonly hiddenCount = computed(() => Math.max(0, this.filteredItems().length - this.visibleCountState()));

  readonly histories = computed(() => {
    const views = new Map<string, { readonly status: Loadable<StreamEventsDto>['status']; readonly view: ReturnType<typeof toHistoryView> | null }>();
    for (const [streamId, state] of this.historiesState()) {
      views.set(streamId, { status: state.status, view: state.status === 'ready' ? toHistoryView(state.data, this.context()) : null });
    }
    return views;
  });

  readonly lastUpdated = computed(() => {
    const state = this.explainState();
    return state.status === 'ready' ? formatClock(state.at, this.language.locale()) : null;
  });

  constructor() {
    applyLatest(
      this.explainFetches,
      ({ selection }) => this.api.fetchExplain(selection.code, selection.period, selection.criterion),
      (selection) => sameSelection(this.selectionState(), selection),
      keepOnQuietFailure(this.explainState),
    );

    this.historyFetches
      .pipe(
        mergeMap((streamId) =>
          loadable(this.api.fetchStream(streamId), { showLoading: false }).pipe(map((state) => ({ streamId, state }))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ streamId, state }) => this.setHistory(streamId, state));

    refreshOnScoreChanges({
      concerns: (message) => this.concernsPage(message.unitCode, message.period),
      refresh: () => this.refresh(),
    });
  }

  select(selection: ExplainSelection): void {
    const previous = this.selectionState();
    if (sameSelection(previous, selection)) return;
    this.selectionState.set(selection);
    this.explainState.set(LOADING);
    this.visibleCountState.set(PAGE_SIZE);
    this.expandedState.set(new Set());
    this.historiesState.set(new Map());
    this.explainFetches.next({ selection, quiet: false });
    if (!previous || previous.code !== selection.code || previous.period !== selection.period) {
      this.unitState.set(null);
      this.api
        .fetchScore(selection.code, selection.period)
        .pipe(catchError(() => of(null)))
        .subscribe((score) => {
          if (score && this.selectionState()?.code === selection.code) this.unitState.set(score);
        });
    }
  }

  refresh(): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.explainFetches.next({ selection, quiet: this.explainState().status === 'ready' });
    // Open histories may have grown too.
    for (const streamId of this.expandedState()) this.historyFetches.next(streamId);
  }

  setOnlyCosting(only: boolean): void {
    this.onlyCostingState.set(only);
    this.visibleCountState.set(PAGE_SIZE);
  }

  showMore(): void {
    this.visibleCountState.update((count) => count + PAGE_SIZE);
  }

  toggleHistory(streamId: string): void {
    const expanded = new Set(this.expandedState());
    if (expanded.delete(streamId)) {
      this.expandedState.set(expanded);
      return;
    }
    expanded.add(streamId);
    this.expandedState.set(expanded);
    const known = this.historiesState().get(streamId);
    if (!known || known.status !== 'ready') {
      this.setHistory(streamId, LOADING);
      this.historyFetches.next(streamId);
    }
  }

  private setHistory(streamId: string, state: Loadable<StreamEventsDto>): void {
    this.historiesState.update((histories) => new Map(histories).set(streamId, state));
  }

  private concernsPage(unitCode: string, period: string): boolean {
    const selection = this.selectionState();
    if (!selection || !changeAffectsPeriod(period, selection.period)) return false;
    return unitCode === selection.code || (this.unitState()?.pooledUnits.includes(unitCode) ?? false);
  }
}
