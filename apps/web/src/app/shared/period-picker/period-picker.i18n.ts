import type { Translations } from '../../core/i18n/language';

export interface PeriodPickerText {
  readonly kind: string;
  readonly month: string;
  readonly year: string;
  readonly quarter: string;
  readonly half: string;
  readonly live: string;
}

export const PERIOD_PICKER_TEXT: Translations<PeriodPickerText> = {
  vi: { kind: 'Kỳ đánh giá', month: 'Tháng', year: 'Năm', quarter: 'Quý', half: 'Nửa năm', live: 'Cập nhật liên tục' },
  en: { kind: 'Period', month: 'Month', year: 'Year', quarter: 'Quarter', half: 'Half', live: 'Updating live' },
};
