import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { LOGIN_PATH } from './auth.guard';
import { AuthService } from './auth.service';

/**
 * A 401 from the API means the session ended (idle or past its lifetime, or signed out elsewhere):
 * the console learns it and, when reads are not public, goes to the sign-in page and back again.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !request.url.includes('/auth/')) {
        void auth.refresh().then(() => {
          if (!auth.canRead()) void router.navigate([LOGIN_PATH], { queryParams: { 'quay-lai': router.url } });
        });
      }
      return throwError(() => error);
    }),
  );
};
