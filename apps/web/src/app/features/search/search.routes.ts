import type { Routes } from '@angular/router';
import { SearchPageComponent } from './search-page.component';

const searchRoutes: Routes = [{ path: '', component: SearchPageComponent }];

export default searchRoutes;
