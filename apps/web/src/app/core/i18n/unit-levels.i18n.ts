import type { Translations } from './language';

/** The levels a ranking can list (DOMAIN §1, §6), highest first. */
export const UNIT_LEVELS = ['province', 'department', 'district', 'commune'] as const;
export type UnitLevelKey = (typeof UNIT_LEVELS)[number];

export function isUnitLevel(value: string | null | undefined): value is UnitLevelKey {
  return (UNIT_LEVELS as readonly string[]).includes(value ?? '');
}

/** Labels for UnitLevel (libs/domain); an unknown level is shown as sent. */
export const UNIT_LEVEL_TEXT: Translations<Readonly<Record<string, string>>> = {
  vi: { province: 'Cấp tỉnh', department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' },
  en: { province: 'Province', department: 'Department', district: 'District', commune: 'Commune' },
};

/** The peers a unit is ranked among, as letters name them ("01/10 huyện, thị xã, thành phố"). */
export const PEER_GROUP_TEXT: Translations<Readonly<Record<string, string>>> = {
  vi: {
    province: 'tỉnh, thành phố trong cả nước',
    department: 'sở, ban, ngành',
    district: 'huyện, thị xã, thành phố',
    commune: 'xã, phường, thị trấn',
  },
  en: {
    province: 'provinces nationwide',
    department: 'departments',
    district: 'districts',
    commune: 'communes',
  },
};
