import type { GroupId } from './portal-groups';

/** The portal's figure for one criterion of one unit; ratios in percent, as the portal prints them. */
export interface PortalFigure {
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** totalOverdue, when the file gives it (criterion 5). */
  readonly overdue: number | null;
  readonly ratio: number | null;
  readonly points: number | null;
}

export interface PortalUnitFigures {
  /** The code the portal names the unit by, as in the file. */
  readonly departmentCode: string;
  readonly departmentName: string | null;
  /** By criterion id, ascending. */
  readonly criteria: readonly (PortalFigure & { readonly criterion: number })[];
  /** Group points the file gives, by group. */
  readonly groups: Readonly<Partial<Record<GroupId, number>>>;
  readonly total: number | null;
}

/** A portal evaluation file as read: what it says, nothing of ours. */
export interface PortalEvaluation {
  /** The period the file names, when it names one. */
  readonly period: string | null;
  /** `groups`: per-group lists of units (departmentCode, totalReceived, …); `report-tinh-766`: the portal's group-score columns. */
  readonly format: 'groups' | 'report-tinh-766';
  /** Units in code order. */
  readonly units: readonly PortalUnitFigures[];
  /** What was read but not used, and why (e.g. counts on a group of several criteria with no criterion named). */
  readonly notices: readonly string[];
}

export type PortalFileReading =
  | { readonly ok: true; readonly evaluation: PortalEvaluation }
  | { readonly ok: false; readonly problems: readonly string[] };
