import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { LANG_SWITCH_TEXT } from './lang-switch.i18n';

/** Tiếng Việt ⇄ English; the choice is kept in localStorage by LanguageService. */
@Component({
  selector: 'app-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="lang-switch"
      data-testid="lang-switch"
      [attr.data-lang]="language.current()"
      [attr.lang]="target()"
      [attr.aria-label]="text().ariaLabel"
      (click)="language.use(target())"
    >
      {{ text().switchTo }}
    </button>
  `,
  styles: `
    .lang-switch {
      padding: 0.3rem 0.75rem;
      border: 1px solid rgb(255 255 255 / 0.6);
      border-radius: 4px;
      background: transparent;
      color: #fff;
      font-size: 0.85rem;
      font-weight: 600;
      cursor: pointer;
    }
    .lang-switch:hover { background: rgb(255 255 255 / 0.15); }
  `,
})
export class LangSwitchComponent {
  protected readonly language = inject(LanguageService);
  protected readonly text = injectTranslations(LANG_SWITCH_TEXT);
  protected readonly target = computed(() => (this.language.current() === 'vi' ? 'en' : 'vi'));
}
