import { BadRequestException, ConflictException } from '@nestjs/common';
import { closableMonthParam, periodParam } from '../period-param';
import { instantParam, streamIdParam, wholeNumberParam } from '../request-params';

const reasonOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { reason: string }).reason;
  }
  throw new Error('expected a rejection');
};

describe('reporting parameters', () => {
  it.each([
    ['2024-02-29T23:59:59.999+07:00', '2024-02-29T16:59:59.999Z'],
    ['2025-03-01T08:00Z', '2025-03-01T08:00:00.000Z'],
    ['2025-03-01T08:00:00+14:00', '2025-02-28T18:00:00.000Z'],
    ['2025-03-01T08:00:00-12:00', '2025-03-01T20:00:00.000Z'],
  ])('reads the instant %s', (text, iso) => {
    expect(instantParam('asOf', text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['2025-02-29T00:00:00Z', 'real calendar date'], ['2025-04-31T00:00:00Z', 'real calendar date'], ['2025-00-10T00:00:00Z', 'real calendar date'],
    ['2025-03-01T24:00:00Z', 'time of day'], ['2025-03-01T08:60:00Z', 'time of day'], ['2025-03-01T08:00:00+14:01', 'offset'],
    ['2025-03-01T08:00:00+07:60', 'offset'], ['1999-12-31T23:59:59Z', '2000–2100'], ['2101-01-01T00:00:00Z', '2000–2100'],
    ['0099-01-01T00:00:00Z', '2000–2100'], ['2025-03-01T08:00:00', 'offset'], ['2025-03-01t08:00:00z', 'ISO-8601'],
  ])('refuses the instant %s with a reason about the %s', (text, about) => {
    expect(reasonOf(() => instantParam('asOf', text))).toContain(about);
  });

  it('refuses repeated, over-long and unprintable parameters', () => {
    expect(reasonOf(() => periodParam(['2025-03', '2025-04']))).toContain('given 2 times');
    expect(reasonOf(() => periodParam('2025-03\u0000'))).toContain('control character');
    expect(reasonOf(() => streamIdParam(`unit-${'A'.repeat(300)}`))).toContain('at most 256');
    expect(reasonOf(() => streamIdParam('unit-\ud800'))).toContain('invalid character');
    expect(reasonOf(() => wholeNumberParam('months', '１２', 1, 36))).toContain('from 1 to 36');
  });

  it('closes only months that are over, in the reported years', () => {
    const now = Date.parse('2025-04-15T00:00:00+07:00');
    expect(closableMonthParam('2025-03', now)).toBe('2025-03');
    expect(() => closableMonthParam('2025-04', now)).toThrow(ConflictException);
    expect(reasonOf(() => closableMonthParam('2025-04', now))).toContain('from 2025-05-01');
    expect(() => closableMonthParam('0000-01', now)).toThrow(BadRequestException);
    expect(periodParam('ytd', now)).toBe('2025');
  });
});
