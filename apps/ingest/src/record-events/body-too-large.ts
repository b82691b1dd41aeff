import type { NextFunction, Request, Response } from 'express';

/**
 * Express error handler for the raw body parser: an oversized batch gets a JSON answer saying what
 * to do (its bytes are not read, so there is nothing to keep), instead of an HTML error page.
 */
export function bodyTooLarge(limit: number) {
  return (error: { type?: string; length?: number }, _req: Request, res: Response, next: NextFunction): void => {
    if (error?.type !== 'entity.too.large') return next(error);
    res.status(413).json({
      status: 'rejected',
      reason: `the batch is ${error.length ?? 'more than'} bytes, over the limit of ${limit} bytes (INGEST_MAX_BODY_BYTES); split it into smaller batches`,
    });
  };
}
