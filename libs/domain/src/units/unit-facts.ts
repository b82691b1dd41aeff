import type { UnitLevel } from '../events/unit-events';
import type { Dated } from '../time/dated-value';

/** Electronic certified copies completed in one month: how many, and when the first one was. */
export interface MonthlyCopies {
  readonly count: number;
  readonly first: number;
}

/**
 * A unit folded from its stream: its place in the dated tree (DOMAIN.md §6) and its criterion-15
 * facts. Certified copies are kept per month (count and first instant), so the facts stay small
 * however many copies a commune issues, and "≥ 1 in the period up to asOf" stays exact.
 */
export interface UnitFacts {
  readonly kind: 'unit';
  readonly unitCode: string;
  readonly level?: UnitLevel;
  readonly parentCode?: string;
  /** Start of validity (registration's effective date). */
  readonly validFrom?: number;
  /** Earliest business instant of any event about the unit. */
  readonly firstSeenAt: number;
  readonly names: readonly Dated<string>[];
  /** End of validity (exclusive): merged or dissolved. */
  readonly endedAt?: number;
  readonly endReason?: 'merged' | 'dissolved';
  readonly successorCode?: string;
  readonly certificationCompetent?: readonly Dated<boolean>[];
  /** National identifier codes (mã định danh, GSO codes), as last set: docs/units.md. */
  readonly nationalCodes?: readonly string[];
  readonly eCopies?: Readonly<Record<string, MonthlyCopies>>;
}

export function emptyUnit(unitCode: string, firstSeenAt: number): UnitFacts {
  return { kind: 'unit', unitCode, firstSeenAt, names: [] };
}

/** When the unit starts to exist for the tree and for scoring. */
export function unitStart(u: UnitFacts): number {
  return u.validFrom ?? u.firstSeenAt;
}

/** Valid at instant `t`: registered by then and not yet merged or dissolved. */
export function isUnitValidAt(u: UnitFacts, t: number): boolean {
  return unitStart(u) <= t && (u.endedAt === undefined || u.endedAt > t);
}
