import type { DomainEvent, RecordedEvent } from '@idx/domain';

/** A reader's place in the global order: the (transaction id, position) pair of the last event seen. */
export interface Checkpoint {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const START: Checkpoint = { transactionId: 0n, position: 0n };

export interface StoredEvent extends RecordedEvent<DomainEvent> {
  readonly transactionId: bigint;
}

export type AppendOutcome =
  | { readonly status: 'accepted'; readonly globalPosition: bigint; readonly streamVersion: number }
  /** The same event id with the same content (canonical JSON) is already stored: nothing written. */
  | { readonly status: 'duplicate' }
  /**
   * The event id is already stored with different content: nothing written, never a silent
   * duplicate. `reason` names the differing fields and where the stored event is.
   */
  | { readonly status: 'conflict'; readonly reason: string; readonly storedGlobalPosition: bigint; readonly differingFields: readonly string[] };

/** -1 = the stream must not exist yet; a number = the stream's current version; 'any' = no check. */
export type ExpectedVersion = number | 'any';

export interface StreamAppend {
  readonly streamId: string;
  readonly event: DomainEvent;
}

export class WrongExpectedVersionError extends Error {
  constructor(readonly streamId: string, readonly expected: number, readonly actual: number) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}

/** An event as a replay needs it: no record time, no hash. */
export interface ReplayEvent {
  readonly event: DomainEvent;
  readonly globalPosition: bigint;
  readonly transactionId: bigint;
}

export interface ReplayBatch {
  readonly events: readonly ReplayEvent[];
  readonly checkpoint: Checkpoint;
}

/**
 * A whole log for a rebuild, stream by stream: `checkpoint` is where the gap-free order goes on
 * after the events `pages` gives (read from there for what was committed later).
 */
export interface StreamReplay {
  readonly checkpoint: Checkpoint;
  /** Pages of about the asked size; each stream's events together, in stream order, streams one after another. */
  readonly pages: AsyncIterable<readonly ReplayEvent[]>;
}

export interface ReadBatch {
  readonly events: readonly StoredEvent[];
  /** Where to read on from: the last event's checkpoint, or the input one when nothing was read. */
  readonly checkpoint: Checkpoint;
}

/** The event store port (DESIGN.md §3). The PostgreSQL adapter is the default. */
export interface EventStore {
  /**
   * Appends to one stream with optimistic concurrency; events already stored answer duplicate, or
   * conflict when their id is stored with different content.
   */
  appendToStream(streamId: string, events: readonly DomainEvent[], expected?: ExpectedVersion): Promise<AppendOutcome[]>;
  /** Appends events of many streams at once (ingest), no version check; one outcome per input. */
  appendMany(items: readonly StreamAppend[]): Promise<AppendOutcome[]>;
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** Events after a checkpoint in gap-free global order (only committed, never overtaken). */
  readAll(after: Checkpoint, limit: number): Promise<ReadBatch>;
  /** The same order as readAll, lean: for rebuilds and replays that read everything. */
  readForReplay(after: Checkpoint, limit: number): Promise<ReplayBatch>;
  /**
   * Everything after a checkpoint that was committed when the call began, in the same order, as
   * pages of about `pageSize` events, several read ahead at once (a rebuild folds one page while
   * the store prepares the next ones). Events committed later are left to readForReplay from the
   * last page's checkpoint.
   */
  replayPages(after: Checkpoint, pageSize: number, ahead?: number): AsyncIterable<ReplayBatch>;
  /**
   * Everything committed when the call began, grouped by stream (each stream's events in order,
   * the streams in no promised order): a fold whose subjects are streams meets each one's events
   * together, so it can finish a subject before the next begins instead of holding them all.
   */
  replayByStream(pageSize: number): Promise<StreamReplay>;
}
