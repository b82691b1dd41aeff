import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';
import { precompressedBundles } from '@idx/nest-platform';

/** The builder names bundles by their content hash (main-MR6G4FQD.js, chunk-DsxRLOxq.js): such a name never changes meaning. */
const HASHED_BUNDLE = /-[A-Za-z0-9_]{8}\.(js|css)$/;

/**
 * Serves the built Angular console at /, with index.html for its client-side routes. Answers are
 * compressed by hardenHttp (docs/performance.md), hashed bundles once each (precompressedBundles); they are cached for a year, so a reader's
 * second visit fetches only index.html and the API; index.html itself is revalidated every time, so a
 * new build is picked up at once.
 */
export function serveConsole(app: NestExpressApplication, webDir: string): void {
  app.use(precompressedBundles(webDir, (path) => HASHED_BUNDLE.test(path)));
  app.useStaticAssets(webDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (HASHED_BUNDLE.test(path)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path.startsWith('/api') || req.path.startsWith('/health');
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(webDir, 'index.html'));
  });
}
