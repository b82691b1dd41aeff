import { FlushRounds } from '../flush-rounds';

describe('long-period flush rounds', () => {
  it('takes a round of 78 owed in chunks of 40 (two turns), then only months until the cadence comes round again', () => {
    const rounds = new FlushRounds(5000, 40);
    // The first turn starts a round at once.
    const first = rounds.turn(1000);
    expect(first).toEqual({ limit: 40 });
    // 78 owed: 40 taken, 38 left → one more chunk.
    expect(rounds.flushed(first, 38, 1100)).toBe(true);
    const second = rounds.turn(1200);
    expect(second).toEqual({ limit: 40 });
    // Live batches noted the 78 again meanwhile: 40 taken, 76 left — but the round (78 at its start) is done.
    expect(rounds.flushed(second, 76, 1300)).toBe(false);
    // Until 5 s after the round ended, turns only take owed months.
    expect(rounds.turn(6299)).toEqual({ only: 'month' });
    expect(rounds.flushed({ only: 'month' }, 0, 6299)).toBe(false);
    expect(rounds.turn(6300)).toEqual({ limit: 40 });
  });

  it('ends a round as soon as nothing is left, and starts none of its own for a months-only turn', () => {
    const rounds = new FlushRounds(5000, 40);
    const turn = rounds.turn(0);
    // 200 owed: 5 chunks planned, but a twin took the rest: 0 left after the first.
    expect(rounds.flushed(turn, 0, 10)).toBe(false);
    expect(rounds.turn(4000)).toEqual({ only: 'month' });
    // 200 owed at a round's start: 40 taken, 160 left → 4 more turns, then the round ends.
    const start = rounds.turn(5010);
    const again = [rounds.flushed(start, 160, 5010)];
    for (let i = 0; i < 4; i++) again.push(rounds.flushed(rounds.turn(5020 + i), 150, 5020 + i));
    expect(again).toEqual([true, true, true, true, false]);
  });
});
