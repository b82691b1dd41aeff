export type CriterionStatusDto = 'ok' | 'no-data' | 'not-applicable';

export interface CriterionScoreDto {
  readonly id: number;
  readonly group: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly ratio: number | null;
  readonly points: number | null;
  readonly max: number;
  readonly target: number;
  readonly status: CriterionStatusDto;
  /** Data-quality notes, e.g. fallback-denominator, no-fee-bearing-procedures. */
  readonly flags: readonly string[];
}

export interface GroupScoreDto {
  readonly id: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly points: number;
  readonly max: number;
  /** Every criterion of the group is N/A for the unit: shown as N/A, never as 0. */
  readonly notApplicable: boolean;
}

export interface UnitRefDto {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
}

export interface UnitScoreDto {
  readonly unit: UnitRefDto;
  readonly period: string;
  /** Set when the score was recomputed from the events recorded up to this instant (as-of). */
  readonly asOf?: string;
  readonly ruleSetId: string;
  readonly total: number;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly groups: readonly GroupScoreDto[];
  readonly criteria: readonly CriterionScoreDto[];
  /** Max of the applicable criteria; the total is rescaled to 100 over it when `rescaled`. */
  readonly applicableMax: number;
  readonly rescaled: boolean;
  /** Units whose data is pooled into this score: the unit itself and, for a province, all its sub-units. */
  readonly pooledUnits: readonly string[];
  /** Rank among peers (provinces nationally; departments, districts, communes inside their province). */
  readonly rank: { readonly rank: number | null; readonly of: number; readonly peerGroup: string } | null;
  /** Record time of the newest event reflected in this score. */
  readonly updatedAt: string;
}

export interface RankingRowDto {
  /** Competition rank among peers (1, 2, 2, 4); null for a unit without activity in the period. */
  readonly rank: number | null;
  /** The unit had dossiers, procedures or petitions to score; without, it is listed, unranked and out of the average. */
  readonly hasData: boolean;
  readonly of: number;
  readonly peerGroup: string;
  readonly unit: UnitRefDto;
  readonly total: number;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly groups: readonly GroupScoreDto[];
  /** The unit's total in the previous period of the same kind (change since then); null when unknown. */
  readonly previousTotal: number | null;
  readonly updatedAt: string;
}

export interface AverageDto {
  /** Unweighted mean over the ranked units (national average for provinces). */
  readonly total: number | null;
  readonly groups: Readonly<Record<string, number>>;
  readonly count: number;
}

export interface RankingDto {
  readonly period: string;
  readonly level: string;
  readonly parent: string | null;
  readonly average: AverageDto;
  readonly rows: readonly RankingRowDto[];
}

/** Server-sent event `score-changed`: a unit's score for a period moved. */
export interface ScoreChangedMessageDto {
  readonly unitCode: string;
  readonly period: string;
  readonly total: number;
  readonly changedAt: string;
}
