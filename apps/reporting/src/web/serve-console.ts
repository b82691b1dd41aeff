import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';

/** Serves the built Angular console at /, with index.html for its client-side routes. */
export function serveConsole(app: NestExpressApplication, webDir: string): void {
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path.startsWith('/api') || req.path.startsWith('/health');
    if (req.method !== 'GET' || isApi || !req.accepts('html')) return next();
    res.sendFile(join(webDir, 'index.html'));
  });
}
