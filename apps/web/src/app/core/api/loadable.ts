import { HttpErrorResponse } from '@angular/common/http';
import { catchError, map, type Observable, of, startWith } from 'rxjs';

/**
 * One request's outcome as a page shows it. `missing` is a 404: the thing does not exist (a unit
 * unknown, a month not closed) or the endpoint is not deployed yet — never shown as an error of ours.
 */
export type Loadable<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T; readonly at: Date }
  | { readonly status: 'missing'; readonly reason: string | null }
  | { readonly status: 'error'; readonly httpStatus: number; readonly reason: string | null };

export const IDLE: Loadable<never> = { status: 'idle' };
export const LOADING: Loadable<never> = { status: 'loading' };

/** The API's readable reason (`{ reason }` in a 4xx body), when it sent one. */
function reasonOf(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  // Only the API's own `reason`: a framework's "Cannot GET …" is no message for an official.
  const body = error.error as { reason?: unknown } | null;
  return body && typeof body.reason === 'string' ? body.reason : null;
}

export function failed<T>(error: unknown): Loadable<T> {
  const httpStatus = error instanceof HttpErrorResponse ? error.status : 0;
  if (httpStatus === 404) return { status: 'missing', reason: reasonOf(error) };
  return { status: 'error', httpStatus, reason: reasonOf(error) };
}

/** A request as a stream of states: loading, then ready or failed (never errors out). */
export function loadable<T>(request: Observable<T>, options: { readonly showLoading?: boolean } = {}): Observable<Loadable<T>> {
  const states = request.pipe(
    map((data): Loadable<T> => ({ status: 'ready', data, at: new Date() })),
    catchError((error: unknown) => of(failed<T>(error))),
  );
  return options.showLoading === false ? states : states.pipe(startWith(LOADING as Loadable<T>));
}

export function dataOf<T>(state: Loadable<T>): T | null {
  return state.status === 'ready' ? state.data : null;
}
