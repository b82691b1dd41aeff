import type { Routes } from '@angular/router';
import { AuditApiService } from './audit-api.service';
import { AuditPageComponent } from './audit-page.component';
import { AuditStore } from './audit.store';

const auditRoutes: Routes = [
  {
    path: '',
    component: AuditPageComponent,
    providers: [AuditApiService, AuditStore],
  },
];

export default auditRoutes;
