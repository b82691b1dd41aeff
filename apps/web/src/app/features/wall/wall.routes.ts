import type { Routes } from '@angular/router';
import { WallApiService } from './wall-api.service';
import { WallPageComponent } from './wall-page.component';
import { WallStore } from './wall.store';

const wallRoutes: Routes = [{ path: '', component: WallPageComponent, providers: [WallApiService, WallStore] }];

export default wallRoutes;
