import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** A live count of the requests a service is answering, shown on /health. */
export interface InFlight {
  readonly current: number;
  readonly limit: number;
}

function busy(res: Response, retryAfterSeconds: number, reason: string): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  res.setHeader('connection', 'close');
  res.status(503).json({ statusCode: 503, reason });
}

/**
 * Bounds the requests answered at once. One over the bound is answered 503 at once (with
 * Retry-After) rather than queued: a queue only grows while the service is slow, and every client
 * waiting in it holds a socket and memory. Counted until the response is finished or the client left.
 */
export function boundedConcurrency(limit: number, exempt: (req: Request) => boolean): RequestHandler & { readonly inFlight: InFlight } {
  let current = 0;
  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (exempt(req)) return next();
    if (current >= limit) {
      return busy(res, 1, `the service is answering ${limit} requests already (MAX_CONCURRENT_REQUESTS); retry in a moment`);
    }
    current++;
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      current--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return Object.assign(middleware, { inFlight: { get current() { return current; }, limit } });
}

/**
 * A handler that has not answered within `ms` gets a 503 with a reason (the work it started may
 * still finish: a close or verify that completes later is seen by asking again). Long-lived
 * responses (the SSE stream) are exempt: they have their own lifetime.
 */
export function responseTimeout(ms: number, exempt: (req: Request) => boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (exempt(req)) return next();
    const timer = setTimeout(() => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      busy(res, 5, `no answer within ${ms} ms (RESPONSE_TIMEOUT_MS); the request may still complete: check its result before sending it again`);
    }, ms);
    timer.unref();
    const clear = (): void => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
