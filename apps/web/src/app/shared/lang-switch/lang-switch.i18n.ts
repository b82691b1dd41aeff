import type { Translations } from '../../core/i18n/language';

export interface LangSwitchText {
  /** Named in the language it switches to, so a reader of either finds it. */
  readonly switchTo: string;
  readonly ariaLabel: string;
}

export const LANG_SWITCH_TEXT: Translations<LangSwitchText> = {
  vi: { switchTo: 'English', ariaLabel: 'Switch to English' },
  en: { switchTo: 'Tiếng Việt', ariaLabel: 'Chuyển sang tiếng Việt' },
};
