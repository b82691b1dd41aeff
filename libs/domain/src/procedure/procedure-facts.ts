import type { OnlineServiceLevel, ProcedurePart } from '../events/procedure-events';
import type { LocalDate } from '../time/local-date';
import type { Dated } from '../time/dated-value';

/** One QĐCB that announced the procedure (criteria 1 and 2). */
export interface Announcement {
  readonly decisionCode: string;
  readonly decisionDate: LocalDate;
  readonly legalBasisEffectiveDate: LocalDate;
}

/** A publication on the national procedure database, tied to a QĐCB when the source says which. */
export interface Publication {
  readonly at: number;
  readonly decisionCode?: string;
}

/**
 * A procedure at an authority (TTHC at a unit), folded from its stream. Catalogue attributes are
 * histories, so a period is judged with the values in force at its end. Plain JSON.
 */
export interface ProcedureFacts {
  readonly kind: 'procedure';
  readonly unitCode: string;
  readonly procedureCode: string;
  readonly name?: string;
  /** Earliest business instant the procedure is known at the unit (an event, or a QĐCB date). */
  readonly firstSeenAt: number;
  readonly announcements: readonly Announcement[];
  readonly publications: readonly Publication[];
  readonly parts?: readonly Dated<readonly ProcedurePart[]>[];
  readonly onlineLevel?: readonly Dated<OnlineServiceLevel>[];
  readonly feeBearing?: readonly Dated<boolean>[];
  readonly paymentIntegrated?: readonly Dated<boolean>[];
  readonly citizenFacing?: readonly Dated<boolean>[];
  readonly resultIsDocument?: boolean;
  readonly abolishedAt?: number;
}

export function emptyProcedure(unitCode: string, procedureCode: string, firstSeenAt: number): ProcedureFacts {
  return { kind: 'procedure', unitCode, procedureCode, firstSeenAt, announcements: [], publications: [] };
}

/** Under the unit's authority at instant `t`. */
export function isActiveAt(p: ProcedureFacts, t: number): boolean {
  return p.firstSeenAt <= t && (p.abolishedAt === undefined || p.abolishedAt > t);
}
