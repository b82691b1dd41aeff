/** A rule set is data (DOMAIN.md §8): weights, targets, edge policies, bands, rounding. */
export type GroupId = 'transparency' | 'progress' | 'online-service' | 'online-payment' | 'satisfaction' | 'digitisation';

/**
 * What a criterion scores when its denominator is 0 (DOMAIN.md §4):
 * `no-data` → 0 points flagged no data; `full-points` → max points; `zero` → 0 points, status ok.
 */
export type EmptyDenominatorPolicy = 'no-data' | 'full-points' | 'zero';

export interface CriterionRule {
  readonly id: number;
  readonly group: GroupId;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly max: number;
  /** Ratio at which full points are reached (1 = 100%). */
  readonly target: number;
  readonly whenEmpty: EmptyDenominatorPolicy;
}

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
  /** Rescale a unit's total to 100 when some criteria are not applicable. */
  readonly rescaleNotApplicable: boolean;
  /** Ordered from the highest band down. */
  readonly bands: readonly Band[];
  readonly rounding: { readonly group: number; readonly total: number; readonly rate: number };
}
