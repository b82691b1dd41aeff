/**
 * What a cell stands for (docs/one-score.md): `ok` a measured number (0 included), `no-data` nothing
 * to measure ("Chưa có dữ liệu", no number printed), `not-applicable` the unit is not concerned (N/A).
 * A unit without activity is `no-data` in every group and criterion that applies.
 */
export type CriterionStatusDto = 'ok' | 'no-data' | 'not-applicable';
export type ScoreStatusDto = CriterionStatusDto;

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
  /** Max of the group's criteria that apply to the unit: the "x/max" every screen and file prints. */
  readonly applicableMax: number;
  /** points ÷ applicableMax (the "tỷ lệ"); null when N/A. */
  readonly rate: number | null;
  readonly status: ScoreStatusDto;
  /** Every criterion of the group is N/A for the unit: shown as N/A, never as 0. */
  readonly notApplicable: boolean;
  /** Flags of the group's criteria (e.g. `no-fee-bearing-procedures`: printed "TTHC không có phí, lệ phí" when N/A). */
  readonly flags: readonly string[];
  /**
   * The group's rank among the same peers as the total (provinces nationally; departments, districts,
   * communes inside their province), same tie rule, on the group's points; null when the unit is unranked.
   * Filled by the unit-score and ranking endpoints (absent where a file or replay does not rank).
   */
  readonly rank?: { readonly rank: number | null; readonly of: number } | null;
  /** Unweighted mean of the group's points over the ranked peers (national average for provinces). */
  readonly peerAverage?: number | null;
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
  /** The total as displayed (half-up to the rule set's decimals), pooled and rescaled: the one stored, streamed and ranked. */
  readonly total: number;
  /** The unit had activity in the period (the one rule, docs/one-score.md); without, its total and band are not shown. */
  readonly hasData: boolean;
  readonly status: ScoreStatusDto;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly groups: readonly GroupScoreDto[];
  readonly criteria: readonly CriterionScoreDto[];
  /** Max of the applicable criteria; the total is rescaled to 100 over it when `rescaled`. */
  readonly applicableMax: number;
  readonly rescaled: boolean;
  /** Why the groups do not add up to the total when `rescaled` ("đã quy đổi về thang 100"); null otherwise. */
  readonly rescaledNoteVi: string | null;
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
  /** What the rows are ordered by: `total`, or a group id (rows by that group's rank among their peers). */
  readonly sort?: string;
  readonly average: AverageDto;
  readonly rows: readonly RankingRowDto[];
}

/** Server-sent event `score-changed`: a unit's finished score for a period moved. */
export interface ScoreChangedMessageDto {
  readonly unitCode: string;
  readonly period: string;
  /** The total as displayed (pooled, rescaled, half-up): the same number the unit-score endpoint answers. */
  readonly total: number;
  readonly changedAt: string;
}
