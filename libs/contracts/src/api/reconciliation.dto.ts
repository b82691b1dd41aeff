/**
 * Reconciliation with the national portal (docs/reconciliation.md): the portal's own evaluation
 * figures, imported for a period and an area, beside ours per unit and criterion, and the dossiers
 * that explain a difference.
 */

/** One side's figure for a criterion, a group or the total. Ratios in percent (0–100). */
export interface ReconciliationFigureDto {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ratio: number | null;
  readonly points: number | null;
}

/** One row of a unit's comparison: a criterion (the portal gave its counts), a group, or the total. */
export interface ReconciliationRowDto {
  readonly kind: 'criterion' | 'group' | 'total';
  /** 1–21 for a criterion row, else null. */
  readonly criterion: number | null;
  /** The group id (transparency, progress, …); null for the total. */
  readonly group: string | null;
  readonly labelVi: string;
  /** Our figure; null when we have no score for the unit in the period. */
  readonly ours: ReconciliationFigureDto | null;
  readonly portal: ReconciliationFigureDto;
  /** Ours − the portal's, field by field (null when either side lacks the field). */
  readonly difference: ReconciliationFigureDto;
  /** Every field both sides give agrees (points within 0.01, ratios within 0.01 percentage point). */
  readonly agrees: boolean;
}

export type ReconciliationUnitStatus = 'compared' | 'unknown-unit' | 'outside-area' | 'no-score';

export interface ReconciliationUnitDto {
  /** The code the portal names the unit by (mã định danh), as in the file. */
  readonly departmentCode: string;
  readonly departmentName: string | null;
  /** Our unit it resolves to; null when none does. */
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly status: ReconciliationUnitStatus;
  /** Why the unit was not compared (unknown code, outside the area, no score of ours). */
  readonly reason: string | null;
  readonly rows: readonly ReconciliationRowDto[];
  /** Rows that disagree. */
  readonly differences: number;
}

export interface PortalImportDto {
  readonly importId: string;
  /** The area: this unit and the units below it. */
  readonly unitCode: string;
  readonly period: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly fileName: string | null;
  readonly fetchedFrom: string | null;
  readonly sourceSha256: string;
  readonly bytes: number;
}

/** POST …/reconciliation/imports: `imported` the first time, `unchanged` for the same bytes again. */
export interface PortalImportResultDto {
  readonly status: 'imported' | 'unchanged';
  readonly import: PortalImportDto;
}

export interface PortalImportListDto {
  readonly unitCode: string;
  readonly imports: readonly PortalImportDto[];
}

export interface ReconciliationDto {
  readonly import: PortalImportDto;
  /** How the file was read: `groups` (per-group lists of units) or `report-tinh-766` (group scores per unit). */
  readonly format: string;
  /** Our figures as they stood at this instant (the import's, for a reproducible comparison), or null: as they stand now. */
  readonly oursAsOf: string | null;
  readonly units: readonly ReconciliationUnitDto[];
  readonly summary: { readonly units: number; readonly compared: number; readonly differing: number; readonly notCompared: number };
  /** What the file holds that was not compared, and why. */
  readonly notices: readonly string[];
}

/** A dossier of ours behind a criterion's figure, and whether the portal ever got it. */
export interface ReconciliationDossierDto {
  readonly dossierCode: string;
  readonly unitCode: string;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
  /** The portal got a sync of it: it came through the portal sync format (DongBoHoSoMC) at least once. */
  readonly portalSynced: boolean;
  readonly reasonVi: string | null;
  /** GET /api/v1/streams/{streamId}/events: its history. */
  readonly streamId: string;
}

export interface ReconciliationDrillDownDto {
  readonly importId: string;
  readonly unitCode: string;
  readonly period: string;
  readonly criterion: number;
  readonly row: ReconciliationRowDto;
  /** Dossiers we count that the portal never got a sync for: they explain a larger figure of ours. */
  readonly candidates: readonly ReconciliationDossierDto[];
  /** Our dossiers behind the figure that the portal did get. */
  readonly synced: number;
  /** What the candidates explain, in words (Vietnamese). */
  readonly explanationVi: string;
}
