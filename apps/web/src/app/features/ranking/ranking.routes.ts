import type { Routes } from '@angular/router';
import { RankingApiService } from './ranking-api.service';
import { RankingPageComponent } from './ranking-page.component';
import { RankingStore } from './ranking.store';

const rankingRoutes: Routes = [
  {
    path: '',
    component: RankingPageComponent,
    providers: [RankingApiService, RankingStore],
  },
];

export default rankingRoutes;
