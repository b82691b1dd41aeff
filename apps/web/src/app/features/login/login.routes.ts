import type { Routes } from '@angular/router';
import { LoginPageComponent } from './login-page.component';

const loginRoutes: Routes = [{ path: '', component: LoginPageComponent }];

export default loginRoutes;
