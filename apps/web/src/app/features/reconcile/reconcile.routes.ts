import type { Routes } from '@angular/router';
import { ReconcileApiService } from './reconcile-api.service';
import { ReconcilePageComponent } from './reconcile-page.component';
import { ReconcileStore } from './reconcile.store';

const reconcileRoutes: Routes = [{ path: '', component: ReconcilePageComponent, providers: [ReconcileApiService, ReconcileStore] }];

export default reconcileRoutes;
