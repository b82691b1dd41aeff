import { QD766_2022 } from '@idx/domain';

/** Our six reported groups (DOMAIN.md §2), in the order the portal and the letters print them. */
export type GroupId = 'transparency' | 'progress' | 'online-service' | 'online-payment' | 'satisfaction' | 'digitisation';

/** Lower case, no diacritics, letters and digits only: how names and codes are compared. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The names a portal file may give a group, folded. The Vietnamese names are the portal's page
 * titles; the upper-case codes are the columns of its `report_tinh_766_service` answer (CKMB,
 * TDGQ, …; TTTT and CLGQ are read as public scripts read them: unsure, see docs/reconciliation.md);
 * 1–6 is the order of the groups on its pages.
 */
const GROUP_NAMES: Readonly<Record<GroupId, readonly string[]>> = {
  transparency: ['congkhaiminhbach', 'ckmb', 'transparency', '1'],
  progress: ['tiendogiaiquyet', 'tdgq', 'progress', '2'],
  'online-service': ['dichvucongtructuyen', 'dichvutructuyen', 'dvctt', 'tttt', 'onlineservice', '3'],
  'online-payment': ['thanhtoantructuyen', 'clgq', 'onlinepayment', '4'],
  satisfaction: ['mucdohailong', 'mdhl', 'satisfaction', '5'],
  digitisation: ['sohoahoso', 'mdsh', 'shhs', 'digitisation', 'digitization', '6'],
};

const BY_NAME = new Map<string, GroupId>(
  (Object.entries(GROUP_NAMES) as [GroupId, readonly string[]][]).flatMap(([id, names]) => names.map((n) => [n, id] as const)),
);

/** The group a portal file's group name or code stands for, or undefined. */
export function groupOf(name: unknown): GroupId | undefined {
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  return BY_NAME.get(foldName(String(name)));
}

/** Columns of the portal's `report_tinh_766_service` rows: group points per unit, and the total. */
export const LEGACY_GROUP_COLUMNS: Readonly<Record<string, GroupId>> = {
  CKMB: 'transparency', TDGQ: 'progress', TTTT: 'online-service', CLGQ: 'online-payment', MDHL: 'satisfaction', MDSH: 'digitisation',
};
export const LEGACY_TOTAL_COLUMN = 'TONG_SCORE';

/**
 * A group whose figure is one criterion's: the counts on the group's rows (totalReceived,
 * totalOnTime, totalOverdue, ratio) are that criterion's. Tiến độ giải quyết is criterion 5 alone.
 * Other groups hold several criteria: their rows' counts are read only with a criterion named.
 */
export const SINGLE_CRITERION_GROUPS: Readonly<Partial<Record<GroupId, number>>> = { progress: 5 };

export interface GroupInfo {
  readonly id: GroupId;
  readonly nameVi: string;
  readonly max: number;
}

/** Names and maxima as the default rule set has them (the portal's groups are these six). */
export const GROUPS: readonly GroupInfo[] = QD766_2022.groups.map((g) => ({ id: g.id as GroupId, nameVi: g.nameVi, max: g.max }));
export const groupInfo = (id: GroupId): GroupInfo => GROUPS.find((g) => g.id === id) as GroupInfo;

export interface CriterionInfo {
  readonly id: number;
  readonly group: GroupId;
  readonly nameVi: string;
  readonly max: number;
}

export const CRITERIA: readonly CriterionInfo[] = QD766_2022.criteria.map((c) => ({ id: c.id, group: c.group as GroupId, nameVi: c.nameVi, max: c.max }));
export const criterionInfo = (id: number): CriterionInfo | undefined => CRITERIA.find((c) => c.id === id);
