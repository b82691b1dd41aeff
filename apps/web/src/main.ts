import { bootstrapApplication } from '@angular/platform-browser';
import { startLandingLoad } from './app/boot/landing-load';
import { AppComponent } from './app/shell/app.component';
import { appConfig } from './app/app.config';

// Before booting: the landing page's chunk and first API reads travel while the app boots.
startLandingLoad(window.location);
bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
