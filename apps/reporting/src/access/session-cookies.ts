import { type AccessSettings, CSRF_COOKIE, randomToken, serializeCookie, SESSION_COOKIE } from '@idx/access';
import type { Request, Response } from 'express';

const secure = (settings: AccessSettings, req: Request): boolean => settings.cookieSecure === 'always' || (settings.cookieSecure === 'auto' && req.secure);

function append(res: Response, cookie: string): void {
  const previous = res.getHeader('Set-Cookie');
  res.setHeader('Set-Cookie', [...(Array.isArray(previous) ? previous : previous ? [String(previous)] : []), cookie]);
}

/** After login: the session cookie (HttpOnly, the script never sees it) and its CSRF token (read by the console). */
export function setSessionCookies(res: Response, req: Request, settings: AccessSettings, session: { readonly id: string; readonly csrfToken: string }): void {
  const maxAge = settings.sessionMaxMs / 1000;
  append(res, serializeCookie(SESSION_COOKIE, session.id, { httpOnly: true, secure: secure(settings, req), maxAge }));
  append(res, serializeCookie(CSRF_COOKIE, session.csrfToken, { httpOnly: false, secure: secure(settings, req), maxAge }));
}

/** Before login (and after logout): a CSRF token of its own, so the login form is protected too. */
export function setAnonymousCsrfCookie(res: Response, req: Request, settings: AccessSettings): void {
  append(res, serializeCookie(CSRF_COOKIE, randomToken(), { httpOnly: false, secure: secure(settings, req), maxAge: settings.sessionMaxMs / 1000 }));
}

export function clearSessionCookie(res: Response, req: Request, settings: AccessSettings): void {
  append(res, serializeCookie(SESSION_COOKIE, '', { httpOnly: true, secure: secure(settings, req), maxAge: 0 }));
}
