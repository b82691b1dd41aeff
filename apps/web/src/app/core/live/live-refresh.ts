import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ScoreChangedMessageDto } from '@idx/contracts';
import { debounceTime, filter, merge } from 'rxjs';
import { ScoreStreamService } from './score-stream.service';

/** Bursts of score changes (a province resyncing a month) collapse into one refetch. */
const LIVE_REFRESH_DEBOUNCE_MS = 300;

export interface LiveRefresh {
  /** Whether a pushed change touches what is on screen. */
  readonly concerns: (message: ScoreChangedMessageDto) => boolean;
  readonly refresh: () => void;
  /** While false, nothing is refetched (figures as of a past moment); always true when left out. */
  readonly live?: () => boolean;
}

/**
 * Refetches what a store shows after each burst of score changes that concern it, and after each
 * (re)connection of the stream (changes made meanwhile were never pushed). For a store's
 * constructor: it stops when the store is destroyed.
 */
export function refreshOnScoreChanges({ concerns, refresh, live = () => true }: LiveRefresh): void {
  const stream = inject(ScoreStreamService);
  merge(stream.scoreChanged$.pipe(filter(concerns)), stream.connected$)
    .pipe(
      filter(() => live()),
      debounceTime(LIVE_REFRESH_DEBOUNCE_MS),
      takeUntilDestroyed(),
    )
    .subscribe(() => refresh());
}

/** A burst ends after this long without a concerned change… */
const BURST_QUIET_MS = 500;
/** …or this long after its first change, so a steady stream still refreshes the page every few seconds. */
const BURST_MAX_MS = 3_000;

export interface LiveBursts {
  /** Whether a pushed change touches what is on screen. */
  readonly concerns: (message: ScoreChangedMessageDto) => boolean;
  /** Once per burst, with every concerned change of it: refetch what they touched. */
  readonly applyBurst: (messages: readonly ScoreChangedMessageDto[]) => void;
  /** After each (re)connection of the stream: changes made meanwhile were never pushed, refetch everything. */
  readonly reconnected: () => void;
  /** While false, nothing is refetched (figures as of a past moment); always true when left out. */
  readonly live?: () => boolean;
}

/**
 * Like refreshOnScoreChanges, but hands the store the changes of each burst, so it refetches only
 * what they touched (a unit page: its score, the trend's changed months, the sub-unit levels that
 * list a changed unit), at most once per burst. For a store's constructor.
 */
export function refetchOnScoreChangeBursts({ concerns, applyBurst, reconnected, live = () => true }: LiveBursts): void {
  const stream = inject(ScoreStreamService);
  let pending: ScoreChangedMessageDto[] = [];
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    const burst = pending;
    pending = [];
    if (burst.length > 0 && live()) applyBurst(burst);
  };
  const destroyRef = inject(DestroyRef);
  destroyRef.onDestroy(() => {
    if (timer) clearTimeout(timer);
  });
  stream.scoreChanged$.pipe(filter((m) => live() && concerns(m)), takeUntilDestroyed(destroyRef)).subscribe((message) => {
    const now = Date.now();
    if (pending.length === 0) firstAt = now;
    pending.push(message);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(BURST_QUIET_MS, firstAt + BURST_MAX_MS - now)));
  });
  stream.connected$.pipe(filter(() => live()), debounceTime(LIVE_REFRESH_DEBOUNCE_MS), takeUntilDestroyed(destroyRef)).subscribe(() => {
    // A full refetch covers whatever the pending burst would have.
    pending = [];
    if (timer) clearTimeout(timer);
    timer = null;
    reconnected();
  });
}
