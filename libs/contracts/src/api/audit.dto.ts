import type { LogVerifyReportDto } from './log-seal.dto';
import type { UnitScoreDto } from './scores.dto';

/** Per-criterion change between two record-time moments. */
export interface CriterionDiffDto {
  readonly id: number;
  readonly before: { readonly numerator: number; readonly denominator: number; readonly points: number | null };
  readonly after: { readonly numerator: number; readonly denominator: number; readonly points: number | null };
}

/** GET /api/v1/units/{code}/scores/diff?period=…&from=ISO&to=ISO: what late-arriving events changed. */
export interface ScoreDiffDto {
  readonly unitCode: string;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly totalBefore: number;
  readonly totalAfter: number;
  readonly criteria: readonly CriterionDiffDto[];
  /** Events recorded between the two moments whose business time falls in the period. */
  readonly events: readonly {
    readonly recordedAt: string;
    readonly occurredAt: string;
    readonly type: string;
    readonly unitCode: string;
    readonly subject: string | null;
    readonly globalPosition: string;
  }[];
}

/**
 * A fixed point of the event log: a scoring projection's checkpoint, in the store's gap-free order
 * (transaction id, global position). `name` is the projection partition's (docs/verify.md).
 */
export interface CutDto {
  readonly name: string;
  readonly transactionId: string;
  readonly position: string;
}

/**
 * POST /api/v1/audit/verify {unitCode, period}: the stored projection vs. a recomputation from the
 * raw events, both at the same fixed point (the projection's checkpoint, read with its rows).
 */
export interface VerifyReportDto {
  readonly unitCode: string;
  readonly period: string;
  readonly match: boolean;
  readonly eventsReplayed: number;
  readonly streamsChecked: number;
  readonly brokenStreams: readonly { readonly streamId: string; readonly brokenAt: number }[];
  /** Criteria whose stored figures differ from the recomputed ones (empty when they match). */
  readonly differences: readonly {
    readonly unitCode: string;
    readonly criterion: number;
    readonly stored: { readonly numerator: number; readonly denominator: number } | null;
    readonly recomputed: { readonly numerator: number; readonly denominator: number } | null;
  }[];
  /** The global position compared at: the checkpoint of the projection partition owning `unitCode`. */
  readonly position: string;
  /** Every projection checkpoint the comparison used (one per partition). */
  readonly cuts: readonly CutDto[];
  /** Other stored columns (score, total, …) that differ from the replay; `row` when one side has no row. */
  readonly rowDifferences: readonly { readonly unitCode: string; readonly column: string; readonly stored: unknown; readonly recomputed: unknown }[];
  /** The whole log's check (every hash recomputed, every seal): part of `match` when present. */
  readonly log?: LogVerifyReportDto;
}

/** A closed month: "số liệu tại thời điểm …", reproducible from the events up to `position`. */
export interface PeriodSnapshotDto {
  readonly period: string;
  readonly closedAt: string;
  /** When the snapshot was taken (record time). Snapshots with `cuts` hold exactly the events within them. */
  readonly asOf: string;
  /** The highest position the snapshot includes (its cut's, or the log head's for snapshots without cuts). */
  readonly position: string;
  /** The fixed point published: the projection's checkpoints at the close, at which it agreed with the replay. */
  readonly cuts?: readonly CutDto[];
  readonly closedBy: string;
  readonly scores: readonly UnitScoreDto[];
  /** The log seal covering every event the snapshot saw (docs/tamper-evidence.md); null when none was sealed in time. */
  readonly seal: { readonly seq: string; readonly headHash: string } | null;
}

/** GET /api/v1/periods/{period}/snapshot/check: is the published snapshot still what the events give? */
export interface SnapshotCheckDto {
  readonly period: string;
  readonly asOf: string;
  readonly match: boolean;
  readonly unitsChecked: number;
  readonly differences: readonly { readonly unitCode: string; readonly published: number; readonly recomputed: number | null }[];
}
