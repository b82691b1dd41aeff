import { sameToken } from '../tokens';

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Double-submit CSRF check for an unsafe request: the `x-csrf-token` header must equal the
 * `qd766_csrf` cookie (a cross-site page can send the cookie but cannot read it to set the header),
 * and, when signed in, be the token issued with the session. The reason, or undefined when it holds.
 */
export function csrfProblem(cookieToken: string | undefined, headerToken: string | string[] | undefined, sessionCheck?: (token: string) => boolean): string | undefined {
  const header = Array.isArray(headerToken) ? headerToken[0] : headerToken;
  if (!cookieToken) return 'CSRF check failed: no qd766_csrf cookie; load the console (or GET /api/v1/auth/me) first, then echo the cookie in the x-csrf-token header';
  if (!header) return 'CSRF check failed: the x-csrf-token header is missing; echo the qd766_csrf cookie in it';
  if (!sameToken(cookieToken, header)) return 'CSRF check failed: the x-csrf-token header does not match the qd766_csrf cookie';
  if (sessionCheck && !sessionCheck(header)) return 'CSRF check failed: the token was not issued with this session; sign in again';
  return undefined;
}
