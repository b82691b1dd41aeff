import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * CSP sources ('sha256-…') for the inline <script> elements of an HTML page: the console's
 * index.html carries one from the build (it switches the deferred stylesheet on), allowed by its
 * hash rather than by 'unsafe-inline', so an injected script still does not run.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/**
 * Security headers (helmet). The Content-Security-Policy fits the Angular console reporting serves
 * from the same origin: its scripts, fonts and API/SSE calls are all 'self'; styles also allow
 * inline ones, because Angular inserts component styles as <style> elements and Chart.js sets
 * style attributes. No `upgrade-insecure-requests`: a service reached over plain HTTP on a LAN would
 * otherwise break its own console (serve HTTPS at the proxy, which then also sends HSTS meaningfully).
 */
export function securityHeaders(inlineScripts: readonly string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", ...inlineScripts],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
