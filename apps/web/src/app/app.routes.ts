import type { Routes } from '@angular/router';
import { homeGuard, readerGuard } from './core/auth/auth.guard';

/** Each feature is a lazy chunk with its own routes and store. Paths are Vietnamese, as officials read them. */
export const appRoutes: Routes = [
  { path: 'dang-nhap', loadChildren: () => import('./features/login/login.routes') },
  {
    path: '',
    canActivateChild: [readerGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], loadChildren: () => import('./features/ranking/ranking.routes') },
      { path: 'xep-hang', loadChildren: () => import('./features/ranking/ranking.routes') },
      { path: 'don-vi/:code/tieu-chi/:n', loadChildren: () => import('./features/explain/explain.routes') },
      { path: 'don-vi/:code', loadChildren: () => import('./features/unit/unit.routes') },
      { path: 'kiem-toan', loadChildren: () => import('./features/audit/audit.routes') },
      { path: 'tim-kiem', loadChildren: () => import('./features/search/search.routes') },
      { path: 'ban-do', loadChildren: () => import('./features/map/map.routes') },
      // The wall display fills a screen in a meeting room: no masthead, nav or footer (shell reads `bare`).
      { path: 'trinh-chieu', data: { bare: true }, loadChildren: () => import('./features/wall/wall.routes') },
      // English names of the same pages, for links typed from the docs.
      { path: 'search', redirectTo: 'tim-kiem' },
      { path: 'map', redirectTo: 'ban-do' },
      { path: 'wall', redirectTo: 'trinh-chieu' },
    ],
  },
  { path: '**', redirectTo: '' },
];
