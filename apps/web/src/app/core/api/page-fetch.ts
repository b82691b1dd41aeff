import type { WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { map, type Observable, switchMap } from 'rxjs';
import { type Loadable, loadable } from './loadable';

/** Whether two selections (what a page shows: flat records of keys, numbers, null) are the same. */
export function sameSelection<S extends object>(a: S | null, b: S | null): boolean {
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof S)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** One request for what a page shows; a quiet one (a live refresh) keeps the figures on screen meanwhile. */
export interface PageFetch<S> {
  readonly selection: S;
  readonly quiet?: boolean;
}

/**
 * Runs the requests pushed to `fetches` as Loadables, the latest one winning (an older one still in
 * flight is dropped); a quiet one has no loading state. An outcome reaches `apply` only while its
 * selection is still the one on screen. For a store's constructor: it stops when the store is destroyed.
 */
export function applyLatest<F extends PageFetch<unknown>, T>(
  fetches: Observable<F>,
  request: (fetch: F) => Observable<T>,
  isCurrent: (selection: F['selection']) => boolean,
  apply: (fetch: F, state: Loadable<T>) => void,
): void {
  fetches
    .pipe(
      switchMap((fetch) => loadable(request(fetch), { showLoading: !fetch.quiet }).pipe(map((state) => ({ fetch, state })))),
      takeUntilDestroyed(),
    )
    .subscribe(({ fetch, state }) => {
      if (isCurrent(fetch.selection)) apply(fetch, state);
    });
}

/** An `apply` that shows each outcome, except that a failed quiet refresh keeps what is on screen. */
export function keepOnQuietFailure<T>(target: WritableSignal<Loadable<T>>): (fetch: PageFetch<unknown>, state: Loadable<T>) => void {
  return (fetch, state) => {
    if (fetch.quiet && state.status !== 'ready') return;
    target.set(state);
  };
}
