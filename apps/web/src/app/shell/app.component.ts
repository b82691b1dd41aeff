import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type ActivatedRouteSnapshot, NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LOGIN_PATH } from '../core/auth/auth.guard';
import { injectTranslations } from '../core/i18n/language';
import { ROLE_TEXT } from '../core/i18n/roles.i18n';
import { SearchBoxComponent } from '../features/search/search-box.component';
import { LangSwitchComponent } from '../shared/lang-switch/lang-switch.component';
import { SHELL_TEXT, type ShellText } from './shell.i18n';

/** Nav links after the ranking, in the order officials use them; `reconcile` is the portal reconciliation (its own feature). */
const NAV_LINKS: readonly { readonly path: string; readonly key: Exclude<keyof ShellText['nav'], 'label' | 'ranking'> }[] = [
  { path: '/tim-kiem', key: 'search' },
  { path: '/ban-do', key: 'map' },
  { path: '/trinh-chieu', key: 'wall' },
  { path: '/doi-chieu', key: 'reconcile' },
  { path: '/kiem-toan', key: 'audit' },
];

/** A route whose data says `bare: true` (the wall display) is shown without masthead, nav or footer. */
function isBare(route: ActivatedRouteSnapshot): boolean {
  let current: ActivatedRouteSnapshot | null = route;
  while (current) {
    if (current.data['bare'] === true) return true;
    current = current.firstChild;
  }
  return false;
}

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, LangSwitchComponent, SearchBoxComponent],
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
  /** Whether the page on screen is a bare one (no chrome): read from the route data after each navigation. */
  protected readonly bare = toSignal(
    inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => isBare(this.router.routerState.snapshot.root)),
    ),
    { initialValue: false },
  );
  protected readonly navLinks = NAV_LINKS;
  protected readonly auth = inject(AuthService);
  protected readonly text = injectTranslations(SHELL_TEXT);
  protected readonly roles = injectTranslations(ROLE_TEXT);
  protected readonly loginPath = LOGIN_PATH;
  /** The ranking answers on both `/` and `/xep-hang`, which routerLinkActive cannot express. */
  protected readonly rankingActive = computed(() => this.path() === '/' || this.path().startsWith('/xep-hang'));

  protected isActive(path: string): boolean {
    return this.path().startsWith(path);
  }

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
