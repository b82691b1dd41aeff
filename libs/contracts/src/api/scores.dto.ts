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
}

export interface GroupScoreDto {
  readonly id: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly points: number;
  readonly max: number;
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
  readonly ruleSetId: string;
  readonly total: number;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly groups: readonly GroupScoreDto[];
  readonly criteria: readonly CriterionScoreDto[];
  /** Record time of the newest event reflected in this score. */
  readonly updatedAt: string;
}

export interface RankingRowDto {
  readonly rank: number;
  readonly unit: UnitRefDto;
  readonly total: number;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly groups: readonly GroupScoreDto[];
  readonly updatedAt: string;
}

export interface RankingDto {
  readonly period: string;
  readonly rows: readonly RankingRowDto[];
}

/** Server-sent event `score-changed`: a unit's score for a period moved. */
export interface ScoreChangedMessageDto {
  readonly unitCode: string;
  readonly period: string;
  readonly total: number;
  readonly changedAt: string;
}
