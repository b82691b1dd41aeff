import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LOGIN_PATH } from '../core/auth/auth.guard';
import { injectTranslations } from '../core/i18n/language';
import { ROLE_TEXT } from '../core/i18n/roles.i18n';
import { LangSwitchComponent } from '../shared/lang-switch/lang-switch.component';
import { SHELL_TEXT } from './shell.i18n';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, LangSwitchComponent],
  templateUrl: './app.component.html',
  styleUrl: './app.component.css',
})
export class AppComponent {
  private readonly path = toSignal(
    inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects.split(/[?#]/)[0] ?? '/'),
    ),
    { initialValue: '/' },
  );

  private readonly router = inject(Router);
  protected readonly auth = inject(AuthService);
  protected readonly text = injectTranslations(SHELL_TEXT);
  protected readonly roles = injectTranslations(ROLE_TEXT);
  protected readonly loginPath = LOGIN_PATH;
  /** The ranking answers on both `/` and `/xep-hang`, which routerLinkActive cannot express. */
  protected readonly rankingActive = computed(() => this.path() === '/' || this.path().startsWith('/xep-hang'));
  protected readonly auditActive = computed(() => this.path().startsWith('/kiem-toan'));

  protected async logout(): Promise<void> {
    await this.auth.logout();
    // Pages that need a session are left for the sign-in page; public reads stay where they are.
    if (!this.auth.canRead()) await this.router.navigateByUrl(LOGIN_PATH);
  }

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(this.text().documentTitle));
  }
}
