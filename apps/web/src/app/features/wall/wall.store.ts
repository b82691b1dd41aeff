import { computed, inject, Injectable, signal } from '@angular/core';
import type { RankingDto } from '@idx/contracts';
import { Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable } from '../../core/api/loadable';
import { applyLatest, type PageFetch, sameSelection } from '../../core/api/page-fetch';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { formatClock, formatDateTime } from '../../core/time/vietnam-time';
import { WallApiService } from './wall-api.service';
import { dataTimeOf, movedUnits, toWallRows } from './wall-view';

/** What the wall ranks: a period, a level and optionally the units under one parent (as the ranking page). */
export interface WallSelection {
  readonly period: string;
  readonly level: string;
  readonly parent: string | null;
}

/**
 * The wall's ranking: fetched once, then refetched after each burst of `score-changed` messages
 * that concern its period (core/live/live-refresh: one refetch per burst, and one after each
 * reconnection). A failed refresh keeps the figures on screen and says so.
 */
@Injectable()
export class WallStore {
  private readonly api = inject(WallApiService);
  private readonly language = inject(LanguageService);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly selectionState = signal<WallSelection | null>(null);
  private readonly rankingState = signal<Loadable<RankingDto>>(IDLE);
  private readonly shown = signal<RankingDto | null>(null);
  private readonly moved = signal<ReadonlySet<string>>(new Set());
  private readonly refreshFailedState = signal(false);
  private readonly fetches = new Subject<PageFetch<WallSelection>>();

  readonly selection = this.selectionState.asReadonly();
  readonly refreshFailed = this.refreshFailedState.asReadonly();
  readonly status = computed(() => {
    if (this.shown()) return this.shown()?.rows.length ? 'ready' : 'empty';
    const status = this.rankingState().status;
    return status === 'error' || status === 'missing' ? 'error' : 'loading';
  });
  readonly rows = computed(() => {
    const ranking = this.shown();
    if (!ranking) return [];
    const text = this.scoreText();
    return toWallRows(ranking, this.moved(), this.language.locale(), { noData: text.noData, unranked: text.unranked });
  });
  readonly average = computed(() => this.shown()?.average ?? null);
  /** The newest event the figures reflect, as documents print an instant (Vietnam time). */
  readonly dataTime = computed(() => {
    const ranking = this.shown();
    const newest = ranking ? dataTimeOf(ranking) : null;
    return newest ? formatDateTime(newest) : null;
  });
  readonly dataTimeIso = computed(() => (this.shown() ? dataTimeOf(this.shown() as RankingDto) : null));
  /** When the wall last fetched (HH:mm:ss, Vietnam time), and the same instant for machines. */
  readonly fetchedAt = computed(() => {
    const state = this.rankingState();
    return state.status === 'ready' ? formatClock(state.at) : null;
  });
  readonly fetchedAtIso = computed(() => {
    const state = this.rankingState();
    return state.status === 'ready' ? state.at.toISOString() : null;
  });

  constructor() {
    applyLatest(
      this.fetches,
      ({ selection }) => this.api.fetchRanking(selection),
      (selection) => sameSelection(selection, this.selectionState()),
      (fetch, state) => this.apply(fetch, state),
    );
    refreshOnScoreChanges({
      concerns: (message) => {
        const selection = this.selectionState();
        return !!selection && changeAffectsPeriod(message.period, selection.period);
      },
      refresh: () => this.refresh(true),
    });
  }

  select(selection: WallSelection): void {
    if (sameSelection(selection, this.selectionState())) return;
    this.selectionState.set(selection);
    this.shown.set(null);
    this.moved.set(new Set());
    this.fetches.next({ selection });
  }

  refresh(quiet = false): void {
    const selection = this.selectionState();
    if (selection) this.fetches.next({ selection, quiet });
  }

  private apply(fetch: PageFetch<WallSelection>, state: Loadable<RankingDto>): void {
    if (state.status === 'loading') return; // the wall keeps what it shows while it refetches
    const ranking = dataOf(state);
    if (!ranking) {
      this.refreshFailedState.set(!!fetch.quiet && this.shown() !== null);
      if (!fetch.quiet || !this.shown()) this.rankingState.set(state);
      return;
    }
    this.moved.set(movedUnits(this.shown(), ranking));
    this.shown.set(ranking);
    this.rankingState.set(state);
    this.refreshFailedState.set(false);
  }
}
