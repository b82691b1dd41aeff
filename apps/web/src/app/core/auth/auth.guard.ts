import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** The sign-in page's path; `quay-lai` carries where to go back to. */
export const LOGIN_PATH = '/dang-nhap';

/** Pages that show scores: open when reads are public, else after signing in. */
export const readerGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  if (!auth.loaded()) await auth.refresh();
  if (auth.canRead()) return true;
  return inject(Router).createUrlTree([LOGIN_PATH], { queryParams: { 'quay-lai': state.url } });
};

/** A unit account cannot read the national ranking: its home is its own unit's page. */
export const homeGuard: CanActivateFn = () => {
  const user = inject(AuthService).user();
  return user?.role === 'unit' && user.unitCode ? inject(Router).createUrlTree(['/don-vi', user.unitCode]) : true;
};
