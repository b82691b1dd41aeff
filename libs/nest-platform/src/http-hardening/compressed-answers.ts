import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Answers smaller than this go as they are: gzip's header and CPU cost more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * gzip/deflate/br for answers whose client accepts it (JSON, the console's JS/CSS/HTML): the unit page
 * and the explain list are mostly repeated keys, and the console's bundle shrinks ~3.5× — what
 * decides a cold load on a slow link (docs/performance.md). Never a server-sent event stream: the
 * compressor holds bytes until its buffer fills, so a score change would wait for the next ones
 * (SSE answers also say `cache-control: no-transform`, which compression honours; this does not rely on it).
 */
export function compressedAnswers(isLongLived: (req: Request) => boolean): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (req: Request, res: Response) => {
      if (isLongLived(req)) return false;
      if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}
