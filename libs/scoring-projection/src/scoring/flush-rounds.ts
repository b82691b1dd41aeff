/** What one idle turn of a live projector flushes: the owed months only, or a chunk of everything owed. */
export interface FlushTurn {
  readonly only?: 'month';
  readonly limit?: number;
}

/**
 * When a caught-up projector recomputes the quarters, halves and years its live batches noted: in
 * rounds every `everyMs`, a round taking what was owed when it began, `chunk` unit-periods per idle
 * turn (live batches are read between turns). Keys that batches note during a round wait for the
 * next one: every live batch notes them again, so a round that chased them would never end and
 * would put a flush transaction after every batch.
 */
export class FlushRounds {
  private chunksLeft = 0;
  private lastRoundEnded = Number.NEGATIVE_INFINITY;

  constructor(private readonly everyMs: number, private readonly chunk: number) {}

  turn(now: number): FlushTurn {
    return this.inRound(now) ? { limit: this.chunk } : { only: 'month' };
  }

  /** After the turn's flush (`left`: what stays owed of what it selected); answers whether to take another turn at once. */
  flushed(turn: FlushTurn, left: number, now: number): boolean {
    if (turn.only === 'month') return false;
    const starting = this.chunksLeft === 0;
    this.chunksLeft = left === 0 ? 0 : starting ? Math.ceil(left / this.chunk) : this.chunksLeft - 1;
    if (this.chunksLeft === 0) this.lastRoundEnded = now;
    return this.chunksLeft > 0;
  }

  private inRound(now: number): boolean {
    return this.chunksLeft > 0 || now - this.lastRoundEnded >= this.everyMs;
  }
}
