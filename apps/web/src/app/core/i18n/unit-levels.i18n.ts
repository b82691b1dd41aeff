import type { Translations } from './language';

/** Labels for UnitLevel (libs/domain); an unknown level is shown as sent. */
export const UNIT_LEVEL_TEXT: Translations<Readonly<Record<string, string>>> = {
  vi: { province: 'Cấp tỉnh', department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' },
  en: { province: 'Province', department: 'Department', district: 'District', commune: 'Commune' },
};
