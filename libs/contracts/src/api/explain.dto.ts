import type { CriterionScoreDto } from './scores.dto';

/** One dossier, procedure, petition or unit behind a criterion's numerator and denominator. */
export interface ExplainItemDto {
  readonly kind: 'dossier' | 'procedure' | 'petition' | 'unit';
  /** The subject's code (dossier code, procedure code, petition code, unit code). */
  readonly code: string;
  readonly unitCode: string;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
  /** In the denominator but not the numerator: this subject costs the unit points. */
  readonly costsPoints: boolean;
  /** Why it costs points, in words (e.g. "finished 2 days 3 hours after the due time"). */
  readonly reasonVi: string | null;
  readonly reasonEn: string | null;
  /** How late, for on-time criteria (5, 19); null otherwise. */
  readonly lateByMs: number | null;
  /** Key facts to show (received, due, finished, channel …), as display-ready values. */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
  /** The event stream holding the subject's history: GET /api/v1/streams/{streamId}/events. */
  readonly streamId: string;
}

/** Which of a criterion's subjects a page lists: all, those that cost points, or those counted in the numerator. */
export type ExplainCategory = 'all' | 'costs-points' | 'counted';
export const EXPLAIN_CATEGORIES: readonly ExplainCategory[] = ['all', 'costs-points', 'counted'];

/** How many subjects the whole explanation holds, per category: shown without fetching every row. */
export interface ExplainTotalsDto {
  /** Every subject listed (in the numerator or the denominator). */
  readonly items: number;
  /** In the denominator but not the numerator. */
  readonly costsPoints: number;
  readonly inNumerator: number;
  readonly inDenominator: number;
}

/** Where this page sits: ask for the next one with `cursor=<next>`; null when this is the last. */
export interface ExplainPageDto {
  readonly size: number;
  readonly category: ExplainCategory;
  /** The cursor this page was asked with (null: the first page). */
  readonly cursor: string | null;
  readonly next: string | null;
  /** How many items of the category come before this page. */
  readonly offset: number;
}

/**
 * GET /api/v1/units/{code}/explain?period=…&criterion=N[&size=…&cursor=…&category=…]: one page of
 * the subjects behind a criterion, the ones that cost points first, with the totals of the whole list
 * (docs/explain-paging.md).
 */
export interface ExplainDto {
  readonly unitCode: string;
  readonly period: string;
  readonly criterion: CriterionScoreDto;
  readonly totals: ExplainTotalsDto;
  readonly page: ExplainPageDto;
  /** The instant the subjects were judged at (the period's end, or when the list was built for an open period). */
  readonly evaluatedAt: string;
  readonly items: readonly ExplainItemDto[];
}

/**
 * One stored event with every field its hash covers (docs/tamper-evidence.md):
 * hash = sha256(prevHash ‖ "\n" ‖ canonicalJson({ streamId, streamVersion, recordedAt, payload })).
 */
export interface StreamEventDto {
  readonly globalPosition: string;
  readonly streamVersion: number;
  /** The record time exactly as hashed (ISO-8601 UTC with milliseconds). */
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly eventId: string;
  readonly sourceSystem: string;
  readonly data: unknown;
  /** The whole event as stored and hashed. */
  readonly payload: unknown;
  /** The hash of the version before ('' for version 1). */
  readonly prevHash: string;
  readonly hash: string;
}

/** GET /api/v1/streams/{streamId}/events: a subject's history, with the hash chain checked. */
export interface StreamEventsDto {
  readonly streamId: string;
  readonly chainIntact: boolean;
  /** First stream version whose hash does not match, when the chain is broken. */
  readonly brokenAt: number | null;
  readonly events: readonly StreamEventDto[];
}
