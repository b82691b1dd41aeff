import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet). The Content-Security-Policy fits the Angular console reporting serves
 * from the same origin: its scripts, fonts and API/SSE calls are all 'self'; styles also allow
 * inline ones, because Angular inserts component styles as <style> elements and Chart.js sets
 * style attributes. No `upgrade-insecure-requests`: a service reached over plain HTTP on a LAN would
 * otherwise break its own console (serve HTTPS at the proxy, which then also sends HSTS meaningfully).
 */
export function securityHeaders(): RequestHandler {
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
        scriptSrc: ["'self'"],
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
