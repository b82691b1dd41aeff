import { computed, DOCUMENT, effect, inject, Injectable, type Signal, signal } from '@angular/core';

export type Language = 'vi' | 'en';

/** One feature's UI text in every supported language; the `vi` entry defines the shape. */
export type Translations<T> = { readonly [L in Language]: T };

const LOCALES: Translations<string> = { vi: 'vi-VN', en: 'en-GB' };

/** The user's choice survives reloads; Vietnamese is the default for everyone else. */
const STORAGE_KEY = 'qd766.language';

function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

/** Vietnamese first, with an English switch persisted in localStorage. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly currentLanguage = signal<Language>(this.storedLanguage());

  readonly current = this.currentLanguage.asReadonly();
  /** BCP 47 locale for Intl formatting (vi-VN: decimal comma, 73,61). */
  readonly locale = computed(() => LOCALES[this.currentLanguage()]);

  constructor() {
    const document = inject(DOCUMENT);
    effect(() => {
      document.documentElement.lang = this.currentLanguage();
    });
  }

  use(language: Language): void {
    this.currentLanguage.set(language);
    try {
      storage()?.setItem(STORAGE_KEY, language);
    } catch {
      // quota or privacy mode: the choice lasts for this page only
    }
  }

  private storedLanguage(): Language {
    const stored = storage()?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  }
}

/** The text of the current language, for use in a component or store field initialiser. */
export function injectTranslations<T>(translations: Translations<T>): Signal<T> {
  const language = inject(LanguageService);
  return computed(() => translations[language.current()]);
}
