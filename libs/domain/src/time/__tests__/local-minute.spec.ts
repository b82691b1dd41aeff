import fc from 'fast-check';
import { localDateOf, localMinuteOf } from '../local-date';

/** What localMinuteOf replaces: the shifted instant's ISO text (UTC+7, no daylight saving). */
const byDate = (instant: number) => new Date(instant + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the local minute of an instant (UTC+7)', () => {
  it('writes hand-checked instants', () => {
    expect(localMinuteOf(Date.parse('2025-03-31T17:00:00Z'))).toBe('2025-04-01 00:00'); // local midnight
    expect(localMinuteOf(Date.parse('2025-03-31T16:59:59.999Z'))).toBe('2025-03-31 23:59');
    expect(localMinuteOf(Date.parse('2024-02-28T17:00:00Z'))).toBe('2024-02-29 00:00'); // leap day
    expect(localMinuteOf(Date.parse('2100-02-28T17:00:00Z'))).toBe('2100-03-01 00:00'); // 2100 is not a leap year
    expect(localMinuteOf(Date.parse('2000-02-28T17:00:00Z'))).toBe('2000-02-29 00:00'); // 2000 is
    expect(localMinuteOf(Date.parse('1999-12-31T17:00:00Z'))).toBe('2000-01-01 00:00');
    expect(localMinuteOf(-7 * 3_600_000)).toBe('1970-01-01 00:00');
    expect(localDateOf(Date.parse('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('equals the Date-based text for any instant, inside and outside the arithmetic range (random)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 8_000_000_000_000_000 }), (instant) => {
        expect(localMinuteOf(instant)).toBe(byDate(instant));
        expect(localDateOf(instant)).toBe(byDate(instant).slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
    for (const edge of [253_402_300_800_000 - 7 * 3_600_000 - 1, 253_402_300_800_000 - 7 * 3_600_000, -7 * 3_600_000 - 1]) {
      expect(localMinuteOf(edge)).toBe(byDate(edge));
    }
  });

  it('throws for an instant that is not a number, as a Date does', () => {
    expect(() => localMinuteOf(Number.NaN)).toThrow(RangeError);
  });
});
