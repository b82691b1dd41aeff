import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ExplainCategory, ExplainDto, ExplainItemDto, StreamEventsDto, UnitScoreDto } from '@idx/contracts';
import { catchError, exhaustMap, map, mergeMap, of, Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable, loadable, LOADING } from '../../core/api/loadable';
import { applyLatest, sameSelection } from '../../core/api/page-fetch';
import { EVENT_TYPE_TEXT } from '../../core/i18n/event-types.i18n';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { formatClock } from '../../core/time/vietnam-time';
import { ExplainApiService } from './explain-api.service';
import { EXPLAIN_TEXT } from './explain.i18n';
import { type ExplainViewContext, toFigureView, toHistoryView, toItemView } from './explain-view';

/** Items per request: a province-month lists ~185k dossiers, so the server pages them (docs/explain-paging.md). */
const PAGE_SIZE = 50;

export interface ExplainSelection {
  readonly code: string;
  readonly period: string;
  readonly criterion: number;
}

interface FirstPageFetch {
  readonly selection: ExplainSelection;
  readonly category: ExplainCategory;
  /** A live refresh: no loading state, and the pages the reader opened stay. */
  readonly quiet: boolean;
}

/**
 * One criterion of one unit-period: its figure, the totals of the subjects behind it, the pages of
 * them the reader has opened, and their event histories. A live change refetches only the first page
 * (its totals and figure), once per burst; the pages and histories the reader opened stay.
 */
@Injectable()
export class ExplainStore {
  private readonly api = inject(ExplainApiService);
  private readonly language = inject(LanguageService);
  private readonly text = injectTranslations(EXPLAIN_TEXT);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly eventTypes = injectTranslations(EVENT_TYPE_TEXT);

  private readonly selectionState = signal<ExplainSelection | null>(null);
  /** The first page's answer: the figure, the totals and the first items. */
  private readonly explainState = signal<Loadable<ExplainDto>>(IDLE);
  private readonly unitState = signal<UnitScoreDto | null>(null);
  private readonly onlyCostingState = signal(false);
  /** Items of the pages after the first the reader opened ("Xem thêm"), and the cursor after them. */
  private readonly moreItemsState = signal<readonly ExplainItemDto[]>([]);
  private readonly nextState = signal<string | null>(null);
  private readonly moreStatusState = signal<'idle' | 'loading' | 'error'>('idle');
  /** A live change came while the reader had more than the first page open: their list is kept, and this says it moved. */
  private readonly listChangedState = signal(false);
  private readonly expandedState = signal<ReadonlySet<string>>(new Set());
  private readonly historiesState = signal<ReadonlyMap<string, Loadable<StreamEventsDto>>>(new Map());

  private readonly explainFetches = new Subject<FirstPageFetch>();
  private readonly moreFetches = new Subject<{ readonly selection: ExplainSelection; readonly category: ExplainCategory; readonly cursor: string }>();
  private readonly historyFetches = new Subject<string>();

  readonly selection = this.selectionState.asReadonly();
  readonly status = computed(() => this.explainState().status);
  readonly onlyCosting = this.onlyCostingState.asReadonly();
  readonly expanded = this.expandedState.asReadonly();
  readonly moreStatus = this.moreStatusState.asReadonly();
  readonly listChanged = this.listChangedState.asReadonly();
  readonly unitName = computed(() => this.unitState()?.unit.name ?? null);
  private readonly category = computed<ExplainCategory>(() => (this.onlyCostingState() ? 'costs-points' : 'all'));

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

  /** Counts of the whole list, from the answer: never from the rows loaded. */
  private readonly totals = computed(() => dataOf(this.explainState())?.totals ?? null);
  readonly itemCount = computed(() => this.totals()?.items ?? 0);
  readonly costingCount = computed(() => this.totals()?.costsPoints ?? 0);
  private readonly loadedItems = computed(() => [...(dataOf(this.explainState())?.items ?? []), ...this.moreItemsState()]);
  readonly items = computed(() => this.loadedItems().map((item) => toItemView(item, this.context())));
  readonly hiddenCount = computed(() => {
    const inCategory = this.onlyCostingState() ? this.costingCount() : this.itemCount();
    return this.nextState() === null ? 0 : Math.max(0, inCategory - this.loadedItems().length);
  });

  readonly histories = computed(() => {
    const views = new Map<string, { readonly status: Loadable<StreamEventsDto>['status']; readonly view: ReturnType<typeof toHistoryView> | null }>();
    for (const [streamId, state] of this.historiesState()) {
      views.set(streamId, { status: state.status, view: state.status === 'ready' ? toHistoryView(state.data, this.context()) : null });
    }
    return views;
  });

  readonly lastUpdated = computed(() => {
    const state = this.explainState();
    return state.status === 'ready' ? formatClock(state.at) : null;
  });

  constructor() {
    applyLatest(
      this.explainFetches,
      ({ selection, category }) => this.api.fetchExplain(selection.code, selection.period, selection.criterion, { category, size: PAGE_SIZE }),
      (selection) => sameSelection(this.selectionState(), selection),
      (fetch, state) => this.applyFirstPage(fetch, state),
    );

    // A click while a page is on its way is ignored: one request at a time, never a restart.
    this.moreFetches
      .pipe(
        exhaustMap((fetch) =>
          loadable(this.api.fetchExplain(fetch.selection.code, fetch.selection.period, fetch.selection.criterion, { category: fetch.category, size: PAGE_SIZE, cursor: fetch.cursor }), {
            showLoading: false,
          }).pipe(map((state) => ({ fetch, state }))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ fetch, state }) => {
        if (!sameSelection(this.selectionState(), fetch.selection) || fetch.category !== this.category()) return;
        if (state.status === 'ready') {
          this.moreItemsState.update((items) => [...items, ...state.data.items]);
          this.nextState.set(state.data.page.next);
          this.moreStatusState.set('idle');
        } else if (state.status === 'error' && state.httpStatus === 409) {
          // The version of the list the reader was paging has expired (docs/explain-paging.md): start it again.
          this.reload();
        } else {
          this.moreStatusState.set('error');
        }
      });

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
    this.expandedState.set(new Set());
    this.historiesState.set(new Map());
    this.reload();
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

  /** A live change: the first page again (figure, totals), quietly; what the reader opened stays. */
  refresh(): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.explainFetches.next({ selection, category: this.category(), quiet: this.explainState().status === 'ready' });
    // Open histories may have grown too.
    for (const streamId of this.expandedState()) this.historyFetches.next(streamId);
  }

  /** The list from its first page (a new selection or category, or the reader asking after a change). */
  reload(): void {
    const selection = this.selectionState();
    if (!selection) return;
    this.explainState.set(LOADING);
    this.moreItemsState.set([]);
    this.nextState.set(null);
    this.moreStatusState.set('idle');
    this.listChangedState.set(false);
    this.explainFetches.next({ selection, category: this.category(), quiet: false });
  }

  setOnlyCosting(only: boolean): void {
    if (only === this.onlyCostingState()) return;
    this.onlyCostingState.set(only);
    this.reload();
  }

  showMore(): void {
    const selection = this.selectionState();
    const cursor = this.nextState();
    if (!selection || !cursor || this.moreStatusState() === 'loading') return;
    this.moreStatusState.set('loading');
    this.moreFetches.next({ selection, category: this.category(), cursor });
  }

  private applyFirstPage(fetch: FirstPageFetch, state: Loadable<ExplainDto>): void {
    if (fetch.category !== this.category()) return;
    if (!fetch.quiet) {
      this.explainState.set(state);
      if (state.status === 'ready') this.nextState.set(state.data.page.next);
      return;
    }
    // A failed live refresh keeps what is on screen.
    const shown = this.explainState();
    if (state.status !== 'ready' || shown.status !== 'ready') return;
    if (this.moreItemsState().length === 0) {
      this.explainState.set(state);
      this.nextState.set(state.data.page.next);
      return;
    }
    // The reader has more pages open: keep their list, show the new figure and totals, say the list moved.
    this.explainState.set({ ...state, data: { ...shown.data, criterion: state.data.criterion, totals: state.data.totals, evaluatedAt: state.data.evaluatedAt } });
    if (JSON.stringify(state.data.totals) !== JSON.stringify(shown.data.totals) || state.data.items[0]?.streamId !== shown.data.items[0]?.streamId) {
      this.listChangedState.set(true);
    }
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
