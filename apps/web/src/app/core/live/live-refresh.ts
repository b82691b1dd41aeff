import { inject } from '@angular/core';
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
