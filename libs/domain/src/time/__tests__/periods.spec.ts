import {
  isOpenAt, monthKeyOf, monthsIn, monthToDate, parsePeriod, periodContaining, periodsContainingMonth, previousYearMonthKeys, resolvePeriod,
} from '../periods';

const at = (iso: string) => Date.parse(iso);

describe('periods', () => {
  it('parses month, quarter, half-year and year keys with local-midnight boundaries', () => {
    expect(parsePeriod('2025-03')).toEqual({ kind: 'month', key: '2025-03', start: at('2025-03-01T00:00:00+07:00'), end: at('2025-04-01T00:00:00+07:00') });
    expect(parsePeriod('2025-Q4').end).toBe(at('2026-01-01T00:00:00+07:00'));
    expect(parsePeriod('2025-H1').kind).toBe('half');
    expect(monthsIn(parsePeriod('2025'))).toBe(12);
    expect(() => parsePeriod('2025-13')).toThrow('period "2025-13" is not one of YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY');
    expect(periodsContainingMonth('2025-08').map((p) => p.key)).toEqual(['2025-08', '2025-Q3', '2025-H2', '2025']);
  });

  it('evaluates month-to-date as the open month judged at now', () => {
    const now = at('2025-03-18T10:00:00+07:00');
    const mtd = monthToDate(now);
    expect(mtd).toEqual({ period: parsePeriod('2025-03'), asOf: now, open: true });
    expect(resolvePeriod('mtd', now)).toEqual(mtd);
    expect(resolvePeriod('ytd', now).period.key).toBe('2025');
    expect(resolvePeriod('qtd', now).period.key).toBe('2025-Q1');
    expect(resolvePeriod('2025-02', now)).toMatchObject({ open: false });
    expect(isOpenAt(parsePeriod('2025-03'), at('2025-04-01T00:00:00+07:00'))).toBe(false);
  });

  it('finds the period of an instant in local time', () => {
    const newYearsEveLocal = at('2024-12-31T23:59:00+07:00');
    expect(periodContaining('year', newYearsEveLocal).key).toBe('2024');
    expect(periodContaining('half', at('2025-07-01T00:00:00+07:00')).key).toBe('2025-H2');
    expect(monthKeyOf(at('2025-06-30T17:30:00Z'))).toBe('2025-07');
  });

  it('names last year\'s months for the criterion-4 fallback', () => {
    expect(previousYearMonthKeys(parsePeriod('2025-Q2'))).toEqual([
      '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
    ]);
  });
});
