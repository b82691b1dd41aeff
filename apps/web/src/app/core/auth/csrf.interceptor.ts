import type { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { csrfToken } from './csrf-cookie';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Double-submit CSRF: every unsafe request to our own API echoes the qd766_csrf cookie in
 * x-csrf-token. Another site's page cannot read the cookie, so it cannot forge the header.
 */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (!UNSAFE.has(request.method) || !request.url.startsWith('/')) return next(request);
  const token = csrfToken(inject(DOCUMENT).cookie);
  return next(token ? request.clone({ setHeaders: { 'x-csrf-token': token } }) : request);
};
