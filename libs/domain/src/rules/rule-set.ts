import type { ProcedurePart } from '../events/procedure-events';
import type { UnitLevel } from '../events/unit-events';
import type { WorkingCalendar } from '../time/working-days';

/**
 * A rule set is data (DOMAIN.md §8): groups, weights, targets, edge policies, bands, rounding,
 * calendar. A group id is whatever the rule set names (qd766-2022: transparency, progress,
 * online-service, online-payment, satisfaction, digitisation), so a revision with other groups is
 * a data change; ruleSetProblems checks that criteria and groups agree.
 */
export type GroupId = string;

/**
 * What a criterion scores when its denominator is 0 (DOMAIN.md §4):
 * `no-data` → 0 points flagged no data; `full-points` → max points; `zero` → 0 points, status ok;
 * `not-applicable` → N/A (nothing to measure means the criterion does not concern the unit);
 * `fallback-average` → use the figure's fallback denominator (last year's monthly average), else
 * 0 points flagged no data with a data-quality flag.
 */
export type EmptyDenominatorPolicy = 'no-data' | 'full-points' | 'zero' | 'not-applicable' | 'fallback-average';

/** Conditions in the unit's data under which a criterion does not apply (DOMAIN.md §4). */
export type NotApplicableCondition = 'no-fee-bearing-procedures';

export interface CriterionRule {
  readonly id: number;
  readonly group: GroupId;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly max: number;
  /** Ratio at which full points are reached (1 = 100%). */
  readonly target: number;
  readonly whenEmpty: EmptyDenominatorPolicy;
  /** Unit levels the criterion applies to; absent = every level. Others see it as N/A. */
  readonly appliesToLevels?: readonly UnitLevel[];
  /** A data condition that makes the criterion N/A for a unit. */
  readonly notApplicableWhen?: NotApplicableCondition;
  /**
   * How the figure becomes points: `ratio` (absent = ratio) is max × min(1, r / target) with the
   * policies above; `full-points` awards the maximum to every unit whatever the figure, as the
   * national portal's 2026 evaluation does for criterion 15 (DOMAIN.md §4). The figure is still
   * computed and stored, so switching rule sets needs no refold.
   */
  readonly scoredAs?: CriterionScoring;
}

export type CriterionScoring = 'ratio' | 'full-points';

export interface GroupRule {
  readonly id: GroupId;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly max: number;
}

export interface Band {
  readonly labelVi: string;
  readonly labelEn: string;
  /** Inclusive lower bound on the 100-point total. */
  readonly min: number;
}

/** Which evidence makes a fee-bearing procedure "integrated for online payment" (criterion 10). */
export type PaymentIntegrationEvidence = 'dossier-fee-data' | 'declared' | 'either';

export interface RuleSet {
  readonly id: string;
  /** Local date (YYYY-MM-DD) from which the rule set is in force. */
  readonly effectiveFrom: string;
  readonly groups: readonly GroupRule[];
  readonly criteria: readonly CriterionRule[];
  readonly dossier: {
    /** A dossier with more supplement requests than this is late. */
    readonly maxSupplementRequestsOnTime: number;
    /** Treat a processing record without handler name or title as late. */
    readonly missingHandlerIsLate: boolean;
  };
  readonly deadlines: {
    /** Criterion 1: a QĐCB is on time when dated at least this many working days before the legal basis takes effect. */
    readonly announcementLeadWorkingDays: number;
    /** Criterion 2: publication on the national database is due this many working days after the QĐCB. */
    readonly publicationWorkingDays: number;
    /** Criterion 19: a petition without its own deadline is due this many working days after receipt. */
    readonly petitionDefaultWorkingDays: number;
  };
  readonly procedure: {
    /** Parts a published procedure must show to count as complete (criterion 3). */
    readonly mandatoryParts: readonly ProcedurePart[];
    /** Assumed when no announcement said whether the result is a document (criteria 12, 13). */
    readonly resultIsDocumentByDefault: boolean;
    /** Assumed when no audience was set (criterion 17). */
    readonly citizenFacingByDefault: boolean;
    readonly paymentIntegrationEvidence: PaymentIntegrationEvidence;
  };
  /** Working days for criteria 1, 2 and 19. */
  readonly calendar: WorkingCalendar;
  /** Rescale a unit's total to 100 when some criteria are not applicable. */
  readonly rescaleNotApplicable: boolean;
  /** Ordered from the highest band down. */
  readonly bands: readonly Band[];
  /** Display decimals: group points, total, rates (as percentages). */
  readonly rounding: { readonly group: number; readonly total: number; readonly rate: number };
}
