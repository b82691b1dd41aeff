import { HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { from, of, switchMap } from 'rxjs';

/** A JSON answer read before the app booted. */
interface EarlyAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * How long after the page started an early answer may still stand in for the page's own request:
 * long enough for the slowest first paint, short enough that a page opened later asks the API.
 */
const EARLY_ANSWER_WINDOW_MS = 20_000;

/** Started reads by URL; each is handed over once, and only a successful JSON answer is. */
const started = new Map<string, Promise<EarlyAnswer | null>>();

/**
 * Starts the GET requests the landing page will make, before the app has booted, so they run while
 * its scripts are parsed and it boots (docs/console-load.md). Same-origin, with the reader's
 * cookies, like HttpClient's: the API answers them exactly as it would the page's own requests.
 */
export function startEarlyRequests(urls: readonly string[]): void {
  if (typeof fetch !== 'function') return;
  for (const url of urls) {
    if (started.has(url)) continue;
    started.set(
      url,
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json, text/plain, */*' } })
        .then(async (response) => (response.ok ? { status: response.status, body: await response.json() } : null))
        .catch(() => null),
    );
  }
}

/** The early answer for `url`, once; null when none was started, it is gone, or the page is past its first paint. */
function takeEarlyAnswer(url: string): Promise<EarlyAnswer | null> | null {
  const answer = started.get(url);
  if (!answer) return null;
  started.delete(url);
  return performance.now() < EARLY_ANSWER_WINDOW_MS ? answer : null;
}

/**
 * Hands a GET the answer its early request already brought, instead of asking again; anything
 * else — a failed or refused early request, a later request for the same URL (a live refresh) —
 * goes to the API. Last in the chain, so the other interceptors see every answer as usual.
 */
export const earlyAnswerInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method !== 'GET' || request.responseType !== 'json') return next(request);
  const early = takeEarlyAnswer(request.urlWithParams);
  if (!early) return next(request);
  return from(early).pipe(
    switchMap((answer) =>
      answer ? of(new HttpResponse({ body: answer.body, status: answer.status, url: request.urlWithParams })) : next(request),
    ),
  );
};
