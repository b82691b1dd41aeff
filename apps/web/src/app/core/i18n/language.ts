import { computed, inject, Injectable, type Signal, signal } from '@angular/core';

export type Language = 'vi' | 'en';

/** One feature's UI text in every supported language; the `vi` entry defines the shape. */
export type Translations<T> = { readonly [L in Language]: T };

const LOCALES: Translations<string> = { vi: 'vi-VN', en: 'en-GB' };

/** Vietnamese first; the English switch arrives with a later issue and only has to call `use`. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly currentLanguage = signal<Language>('vi');

  readonly current = this.currentLanguage.asReadonly();
  /** BCP 47 locale for Intl formatting (vi-VN: decimal comma, 73,61). */
  readonly locale = computed(() => LOCALES[this.currentLanguage()]);

  use(language: Language): void {
    this.currentLanguage.set(language);
  }
}

/** The text of the current language, for use in a component or store field initialiser. */
export function injectTranslations<T>(translations: Translations<T>): Signal<T> {
  const language = inject(LanguageService);
  return computed(() => translations[language.current()]);
}
