import type { Routes } from '@angular/router';
import { MapApiService } from './map-api.service';
import { MapPageComponent } from './map-page.component';
import { MapStore } from './map.store';

const mapRoutes: Routes = [{ path: '', component: MapPageComponent, providers: [MapApiService, MapStore] }];

export default mapRoutes;
