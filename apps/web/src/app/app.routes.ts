import type { Routes } from '@angular/router';
import { inject } from '@angular/core';
import { homeGuard, readerGuard } from './core/auth/auth.guard';
import { routeChunks } from './boot/route-chunks';
import { AuthService } from './core/auth/auth.service';
import rankingRoutes from './features/ranking/ranking.routes';

/** Where the nav's reconciliation link lands: the account's own area, or the unit search to pick one. */
export function reconcileHome(unitCode: string | null): string {
  return unitCode ? `/doi-chieu/${encodeURIComponent(unitCode)}` : '/tim-kiem';
}

/**
 * Each feature has its own routes and store, in a lazy chunk — except the ranking, the home page most
 * readers land on, which is in the main bundle so its cold load waits for no second round of chunks
 * (docs/console-load.md). Paths are Vietnamese, as officials read them. The landing pages' paths are
 * also read by boot/landing-requests.ts (what a cold load fetches first).
 */
export const appRoutes: Routes = [
  { path: 'dang-nhap', loadChildren: () => import('./features/login/login.routes') },
  {
    path: '',
    canActivateChild: [readerGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: rankingRoutes },
      { path: 'xep-hang', children: rankingRoutes },
      { path: 'don-vi/:code/tieu-chi/:n', loadChildren: routeChunks.explain },
      { path: 'don-vi/:code', loadChildren: routeChunks.unit },
      { path: 'kiem-toan', loadChildren: () => import('./features/audit/audit.routes') },
      { path: 'tim-kiem', loadChildren: () => import('./features/search/search.routes') },
      { path: 'ban-do', loadChildren: () => import('./features/map/map.routes') },
      // The wall display fills a screen in a meeting room: no masthead, nav or footer (shell reads `bare`).
      { path: 'trinh-chieu', data: { bare: true }, loadChildren: () => import('./features/wall/wall.routes') },
      // English names of the same pages, for links typed from the docs.
      { path: 'search', redirectTo: 'tim-kiem' },
      { path: 'map', redirectTo: 'ban-do' },
      { path: 'wall', redirectTo: 'trinh-chieu' },
      // The nav's "Đối soát": a province or unit account reconciles its own area; others pick a unit first.
      { path: 'doi-chieu', pathMatch: 'full', redirectTo: () => reconcileHome(inject(AuthService).user()?.unitCode ?? null) },
      { path: 'doi-chieu/:code', loadChildren: () => import('./features/reconcile/reconcile.routes') },
    ],
  },
  { path: '**', redirectTo: '' },
];
