import type { Routes } from '@angular/router';

/** Each feature is a lazy chunk with its own routes and store; later: unit view, explain view, charts. */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./features/ranking/ranking.routes') },
  { path: 'xep-hang', loadChildren: () => import('./features/ranking/ranking.routes') },
  { path: '**', redirectTo: '' },
];
