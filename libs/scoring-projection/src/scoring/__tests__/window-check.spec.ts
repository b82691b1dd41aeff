import type { ActiveWindow } from '@idx/domain';
import { monthsOfWindow } from '../touched-periods';
import { assertWindowScorable } from '../window-check';

/** What monthsOfWindow does with a window: the months, or the message it throws. */
function listing(window: ActiveWindow | undefined, now: number): string {
  try {
    return `ok ${monthsOfWindow(window, now).length}`;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

function check(window: ActiveWindow | undefined, now: number): string {
  try {
    assertWindowScorable(window, now);
    return 'ok';
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

describe('assertWindowScorable (the rebuild\'s check that a subject can be scored)', () => {
  const now = Date.parse('2026-12-01T12:00:00+07:00');
  const at = (iso: string) => Date.parse(iso);
  const cases: [string, ActiveWindow | undefined][] = [
    ['no window', undefined],
    ['closed within a month', { from: at('2025-03-03T08:00:00+07:00'), to: at('2025-03-10T17:00:00+07:00') }],
    ['open since March 2025 (21 months to now)', { from: at('2025-03-03T08:00:00+07:00') }],
    ['open, received after now', { from: at('2027-01-05T08:00:00+07:00') }],
    ['ending before it starts', { from: at('2025-03-03T08:00:00+07:00'), to: at('2025-01-03T08:00:00+07:00') }],
    ['NaN start', { from: Number.NaN }],
    ['NaN end', { from: at('2025-03-03T08:00:00+07:00'), to: Number.NaN }],
    ['ending in December 9999 (the month after has a 5-digit year)', { from: at('9999-11-03T08:00:00+07:00'), to: at('9999-12-03T08:00:00+07:00') }],
    ['starting in year 10000', { from: at('+010000-01-03T08:00:00+07:00') }],
    ['starting in November 9999 (the last month that lists)', { from: at('9999-11-30T23:59:59+07:00') }],
    ['starting on 1 December 9999, local time', { from: at('9999-12-01T00:00:00+07:00') }],
    ['starting the last instant of year 999, local time', { from: at('0999-12-31T23:59:59.999+07:00'), to: at('2025-01-03T08:00:00+07:00') }],
    ['starting the first instant of year 1000, local time', { from: at('1000-01-01T00:00:00+07:00'), to: at('2025-01-03T08:00:00+07:00') }],
    ['starting before year 0', { from: at('-000001-06-01T00:00:00Z'), to: at('2025-01-03T08:00:00+07:00') }],
  ];
  it.each(cases)('agrees with monthsOfWindow: %s', (_, window) => {
    const expected = listing(window, now);
    expect(check(window, now)).toBe(expected.startsWith('ok') ? 'ok' : expected);
  });

  it('throws for the windows a listing cannot enumerate, naming the period', () => {
    expect(() => assertWindowScorable({ from: Number.NaN }, now)).toThrow('period "NaN-NaN" is not one of YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY');
    expect(() => assertWindowScorable({ from: at('9999-11-03T08:00:00+07:00'), to: at('9999-12-03T08:00:00+07:00') }, now)).toThrow('period "10000-01"');
  });
});
