/** Cookie names shared with the console (docs/console-accounts.md). */
export const SESSION_COOKIE = 'qd766_session';
export const CSRF_COOKIE = 'qd766_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The request's cookies; a malformed or oversize header yields what could be read, never a throw. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header || header.length > 8192) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

export interface CookieOptions {
  readonly httpOnly: boolean;
  readonly secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
}

/** A Set-Cookie value: always Path=/ and SameSite=Strict (a cross-site request never carries it). */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    ...(options.httpOnly ? ['HttpOnly'] : []), ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
