import type { DomainEvent } from '../events';

/** The business-time span in which a subject can move a unit's figures; `to` undefined = still open. */
export interface ActiveWindow {
  readonly from: number;
  readonly to?: number;
}

/**
 * How one kind of subject (dossier, procedure-at-authority, petition, unit…) is folded from its
 * events. The scoring projection is generic over these: a new kind is one more entry in
 * SUBJECT_PROJECTIONS, and criteria read the folded facts through SubjectFacts.
 * Every event is handled by exactly one projection.
 */
export interface SubjectProjection<S = unknown> {
  readonly kind: string;
  handles(event: DomainEvent): boolean;
  /** Key of the subject the event is about, unique within the kind. */
  keyOf(event: DomainEvent): string;
  evolve(state: S | undefined, event: DomainEvent): S;
  /** The unit whose score the subject counts toward. */
  unitOf(state: S): string;
  /** When the subject matters for scoring; undefined while it does not matter yet. */
  windowOf(state: S): ActiveWindow | undefined;
  /**
   * Optional, narrower than the windows: the business-time span whose figures this event can
   * change. A catalogue change at instant x cannot move periods that ended before x, so a caller
   * may recompute only the periods overlapping this span instead of the whole (long) window.
   */
  touchedBy?(before: S | undefined, after: S, event: DomainEvent): ActiveWindow | undefined;
}
