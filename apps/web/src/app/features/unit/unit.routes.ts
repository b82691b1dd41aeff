import type { Routes } from '@angular/router';
import { UnitApiService } from './unit-api.service';
import { UnitPageComponent } from './unit-page.component';
import { UnitStore } from './unit.store';

const unitRoutes: Routes = [
  {
    path: '',
    component: UnitPageComponent,
    providers: [UnitApiService, UnitStore],
  },
];

export default unitRoutes;
