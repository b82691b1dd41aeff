import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { HardeningConfig } from './hardening-config';

/** The console's login session cookie (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'qd766_session';

function sessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

const clientIp = (req: Request): string => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

/**
 * Who a request is counted against: its bearer token or session cookie (hashed: secrets are not
 * kept as map keys), else its IP. Whether the credential is valid is checked later, by the guards.
 */
export function credentialKey(req: Request): string {
  const auth = req.headers.authorization;
  const bearer = typeof auth === 'string' && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() : undefined;
  const secret = bearer ? `bearer:${bearer}` : sessionCookie(req) ? `session:${sessionCookie(req)}` : undefined;
  if (!secret) return `ip:${clientIp(req)}`;
  return createHash('sha256').update(secret).digest('base64url');
}

function tooMany(what: string, windowMs: number) {
  return (_req: Request, res: Response): void => {
    const retryAfter = res.getHeader('retry-after') ?? Math.ceil(windowMs / 1000);
    res.setHeader('retry-after', String(retryAfter));
    res.status(429).json({
      statusCode: 429,
      reason: `too many requests ${what}; retry after ${retryAfter} s, or send larger batches (limits: RATE_LIMIT_MAX, RATE_LIMIT_IP_MAX per RATE_LIMIT_WINDOW_MS)`,
    });
  };
}

/**
 * Two limits in memory (per process): per credential, and a wider one per IP, so a client that
 * invents a new token for every request still meets a bound. `exempt` paths (health) skip both.
 */
export function rateLimits(config: HardeningConfig, exempt: (req: Request) => boolean): RequestHandler[] {
  const { windowMs, perCredential, perIp } = config.rateLimit;
  const common = { windowMs, standardHeaders: 'draft-7' as const, legacyHeaders: false, skip: exempt };
  return [
    rateLimit({ ...common, limit: perIp, keyGenerator: (req) => `ip:${clientIp(req)}`, handler: tooMany('from this address', windowMs) }),
    rateLimit({ ...common, limit: perCredential, keyGenerator: credentialKey, handler: tooMany('for this credential', windowMs) }),
  ];
}
