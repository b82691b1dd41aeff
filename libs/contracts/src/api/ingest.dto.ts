/** One answer per posted event, in the order they were posted. */
export type IngestResultDto =
  | { readonly index: number; readonly eventId?: string; readonly status: 'accepted'; readonly globalPosition: string }
  | { readonly index: number; readonly eventId: string; readonly status: 'duplicate' }
  | { readonly index: number; readonly eventId?: string; readonly status: 'rejected'; readonly reason: string }
  /** The eventId is already stored with different content; this event is kept as a dead letter, not stored. */
  | { readonly index: number; readonly eventId: string; readonly status: 'conflict'; readonly reason: string };

export interface IngestResponseDto {
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly conflict: number;
  readonly results: readonly IngestResultDto[];
}
