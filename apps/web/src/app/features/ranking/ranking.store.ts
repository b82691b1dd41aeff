import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { RankingDto } from '@idx/contracts';
import { catchError, map, of, Subject, switchMap } from 'rxjs';
import { sameSelection } from '../../core/api/page-fetch';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { formatClock } from '../../core/time/vietnam-time';
import { RankingApiService } from './ranking-api.service';
import type { RankingSelection } from './ranking-selection';
import {
  changedUnitCodes,
  DEFAULT_SORT,
  firstDirection,
  type RankingSort,
  type SortKey,
  sortRankingRows,
  toRankingView,
} from './ranking-view';

export type RankingStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export type { RankingSelection } from './ranking-selection';

interface RankingState {
  readonly selection: RankingSelection | null;
  /** The ranking of `selection`, kept while a live refresh is in flight or after it failed. */
  readonly ranking: RankingDto | null;
  readonly changedUnitCodes: ReadonlySet<string>;
  readonly requestInFlight: boolean;
  readonly lastRequestFailed: boolean;
  readonly loadedAt: Date | null;
  readonly sort: RankingSort;
}

const INITIAL_STATE: RankingState = {
  selection: null,
  ranking: null,
  changedUnitCodes: new Set(),
  requestInFlight: false,
  lastRequestFailed: false,
  loadedAt: null,
  sort: DEFAULT_SORT,
};

type FetchResult = { readonly selection: RankingSelection; readonly ranking: RankingDto | null };

/** The ranking feature's state: one ranking, refetched whenever the stream says it moved. */
@Injectable()
export class RankingStore {
  private readonly api = inject(RankingApiService);
  private readonly language = inject(LanguageService);
  private readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly state = signal<RankingState>(INITIAL_STATE);
  private readonly fetches = new Subject<RankingSelection>();

  readonly selection = computed(() => this.state().selection);
  readonly sort = computed(() => this.state().sort);

  readonly status = computed<RankingStatus>(() => {
    const { ranking, requestInFlight, lastRequestFailed } = this.state();
    if (ranking) return ranking.rows.length > 0 ? 'ready' : 'empty';
    if (requestInFlight) return 'loading';
    return lastRequestFailed ? 'error' : 'idle';
  });

  /** A live refresh failed while older figures are still on screen. */
  readonly refreshFailed = computed(() => this.state().lastRequestFailed && this.state().ranking !== null);

  readonly view = computed(() => {
    const { ranking, changedUnitCodes } = this.state();
    if (!ranking) return null;
    const view = toRankingView(ranking, {
      language: this.language.current(),
      locale: this.language.locale(),
      levelLabels: this.levelLabels(),
      scoreText: this.scoreText(),
      changedUnitCodes,
    });
    return { ...view, rows: sortRankingRows(view, this.state().sort, this.language.locale()) };
  });

  /** HH:mm:ss (Vietnam time) of the last successful fetch, or null before the first. */
  readonly lastUpdated = computed(() => {
    const loadedAt = this.state().loadedAt;
    return loadedAt ? formatClock(loadedAt) : null;
  });

  /** The same instant to the millisecond (ISO), for machines: two refreshes can share a second. */
  readonly lastUpdatedAt = computed(() => this.state().loadedAt?.toISOString() ?? null);

  constructor() {
    this.fetches
      .pipe(
        switchMap((selection) =>
          this.api.fetchRanking(selection.period, { level: selection.level, parent: selection.parent }).pipe(
            map((ranking): FetchResult => ({ selection, ranking })),
            catchError(() => of<FetchResult>({ selection, ranking: null })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.applyFetchResult(result));

    refreshOnScoreChanges({
      concerns: (message) => {
        const selection = this.state().selection;
        return !!selection && changeAffectsPeriod(message.period, selection.period);
      },
      refresh: () => this.refresh(),
    });
  }

  select(selection: RankingSelection): void {
    if (sameSelection(selection, this.state().selection)) return;
    this.state.update((state) => ({ ...INITIAL_STATE, sort: state.sort, selection, requestInFlight: true }));
    this.fetches.next(selection);
  }

  /** Refetches the displayed ranking, keeping the current rows on screen meanwhile. */
  refresh(): void {
    const selection = this.state().selection;
    if (!selection) return;
    this.state.update((state) => ({ ...state, requestInFlight: true }));
    this.fetches.next(selection);
  }

  /** A click on a column header: first click sorts that column, the next reverses it. */
  sortBy(key: SortKey): void {
    this.state.update((state) => {
      const direction =
        state.sort.key === key ? (state.sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(key);
      return { ...state, sort: { key, direction } };
    });
  }

  private applyFetchResult({ selection, ranking }: FetchResult): void {
    this.state.update((state) => {
      if (!sameSelection(state.selection, selection)) return state;
      if (!ranking) return { ...state, requestInFlight: false, lastRequestFailed: true };
      return {
        ...state,
        ranking,
        changedUnitCodes: changedUnitCodes(state.ranking, ranking),
        requestInFlight: false,
        lastRequestFailed: false,
        loadedAt: new Date(),
      };
    });
  }
}
