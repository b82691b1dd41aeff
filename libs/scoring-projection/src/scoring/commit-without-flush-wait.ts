/**
 * The projector's transactions commit without waiting for their WAL to reach the disk
 * (synchronous_commit off, for these transactions only; the event store's appends keep waiting).
 * What is at stake is derived data only: a server crash can lose the last few hundred ms of
 * committed batches, always a suffix (WAL is one sequence, and any later synchronous commit — an
 * append, a closed month — flushes everything before it), and each lost batch took its checkpoint
 * with it, so the projector reads those events again and writes the same figures. The batch no
 * longer waits for an fsync: 7–10 ms of a loaded machine's COMMIT (docs/projection-tallies.md).
 * Parameterless, so it goes with the BEGIN in one simple query.
 */
export const COMMIT_WITHOUT_FLUSH_WAIT = 'SET LOCAL synchronous_commit = off';
