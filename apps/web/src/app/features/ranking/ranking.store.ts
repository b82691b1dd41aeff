import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { RankingDto } from '@idx/contracts';
import { catchError, debounceTime, filter, map, merge, of, Subject, switchMap } from 'rxjs';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { ScoreStreamService } from '../../core/live/score-stream.service';
import { formatClock } from '../../core/time/vietnam-time';
import { RankingApiService } from './ranking-api.service';
import { changedUnitCodes, toRankingView } from './ranking-view';

/** Bursts of score changes (a province resyncing a month) collapse into one refetch. */
const LIVE_REFRESH_DEBOUNCE_MS = 300;

export type RankingStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

interface RankingState {
  readonly period: string | null;
  /** The ranking of `period`, kept while a live refresh is in flight or after it failed. */
  readonly ranking: RankingDto | null;
  readonly changedUnitCodes: ReadonlySet<string>;
  readonly requestInFlight: boolean;
  readonly lastRequestFailed: boolean;
  readonly loadedAt: Date | null;
}

const INITIAL_STATE: RankingState = {
  period: null,
  ranking: null,
  changedUnitCodes: new Set(),
  requestInFlight: false,
  lastRequestFailed: false,
  loadedAt: null,
};

type FetchResult = { readonly period: string; readonly ranking: RankingDto | null };

/** The ranking feature's state: one period's ranking, refetched whenever the stream says it moved. */
@Injectable()
export class RankingStore {
  private readonly api = inject(RankingApiService);
  private readonly stream = inject(ScoreStreamService);
  private readonly language = inject(LanguageService);
  private readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  private readonly state = signal<RankingState>(INITIAL_STATE);
  private readonly fetches = new Subject<string>();

  readonly period = computed(() => this.state().period);

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
    return toRankingView(ranking, {
      language: this.language.current(),
      locale: this.language.locale(),
      levelLabels: this.levelLabels(),
      changedUnitCodes,
    });
  });

  /** HH:mm:ss (Vietnam time) of the last successful fetch, or null before the first. */
  readonly lastUpdated = computed(() => {
    const loadedAt = this.state().loadedAt;
    return loadedAt ? formatClock(loadedAt, this.language.locale()) : null;
  });

  constructor() {
    this.fetches
      .pipe(
        switchMap((period) =>
          this.api.fetchRanking(period).pipe(
            map((ranking): FetchResult => ({ period, ranking })),
            catchError(() => of<FetchResult>({ period, ranking: null })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.applyFetchResult(result));

    merge(
      this.stream.scoreChanged$.pipe(filter((message) => message.period === this.state().period)),
      this.stream.connected$,
    )
      .pipe(debounceTime(LIVE_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  selectPeriod(period: string): void {
    if (period === this.state().period) return;
    this.state.set({ ...INITIAL_STATE, period, requestInFlight: true });
    this.fetches.next(period);
  }

  /** Refetches the displayed period, keeping the current rows on screen meanwhile. */
  refresh(): void {
    const period = this.state().period;
    if (!period) return;
    this.state.update((state) => ({ ...state, requestInFlight: true }));
    this.fetches.next(period);
  }

  private applyFetchResult({ period, ranking }: FetchResult): void {
    this.state.update((state) => {
      if (state.period !== period) return state;
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
