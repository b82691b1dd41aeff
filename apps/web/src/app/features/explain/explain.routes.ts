import type { Routes } from '@angular/router';
import { ExplainApiService } from './explain-api.service';
import { ExplainPageComponent } from './explain-page.component';
import { ExplainStore } from './explain.store';

const explainRoutes: Routes = [
  {
    path: '',
    component: ExplainPageComponent,
    providers: [ExplainApiService, ExplainStore],
  },
];

export default explainRoutes;
