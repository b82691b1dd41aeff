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
      { path: 'doi-chieu/:code', loadChildren: () => import('./features/reconcile/reconcile.routes') },
    ],
  },
  { path: '**', redirectTo: '' },
];
