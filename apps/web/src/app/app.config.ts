import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { earlyAnswerInterceptor } from './boot/early-answers';
import { AuthService } from './core/auth/auth.service';
import { csrfInterceptor } from './core/auth/csrf.interceptor';
import { sessionExpiryInterceptor } from './core/auth/session-expiry.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([csrfInterceptor, sessionExpiryInterceptor, earlyAnswerInterceptor])),
    // Who is signed in, before the first page decides what to show (and the CSRF cookie for the login form).
    provideAppInitializer(() => inject(AuthService).refresh()),
    provideRouter(appRoutes, withComponentInputBinding()),
  ],
};
