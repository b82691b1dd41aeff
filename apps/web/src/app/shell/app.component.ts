import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { injectTranslations } from '../core/i18n/language';
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

  protected readonly text = injectTranslations(SHELL_TEXT);
  /** The ranking answers on both `/` and `/xep-hang`, which routerLinkActive cannot express. */
  protected readonly rankingActive = computed(() => this.path() === '/' || this.path().startsWith('/xep-hang'));
  protected readonly auditActive = computed(() => this.path().startsWith('/kiem-toan'));

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(this.text().documentTitle));
  }
}
