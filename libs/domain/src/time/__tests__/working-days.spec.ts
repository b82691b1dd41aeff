import fc from 'fast-check';
import { QD766_2022 } from '../../rules/qd766-2022';
import { VIETNAM_WORKING_CALENDAR_2022_2026 as VN } from '../../rules/vietnam-working-calendar';
import { addCalendarDays, endOfLocalDate, isLocalDate, localDateOf, startOfLocalDate, weekdayOf } from '../local-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../working-days';

describe('local dates in Asia/Ho_Chi_Minh', () => {
  it('puts 23:30 local on its own day, although it is the same day 16:30 UTC', () => {
    expect(localDateOf(Date.parse('2025-03-31T23:30:00+07:00'))).toBe('2025-03-31');
    expect(localDateOf(Date.parse('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(startOfLocalDate('2025-04-01')).toBe(Date.parse('2025-04-01T00:00:00+07:00'));
    expect(endOfLocalDate('2025-03-31')).toBe(Date.parse('2025-04-01T00:00:00+07:00'));
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });
});

describe('the working calendar 2022–2026', () => {
  it('lists only weekdays as holidays and only weekend days as make-up days', () => {
    for (const d of VN.holidays) expect([d, [1, 2, 3, 4, 5].includes(weekdayOf(d))]).toEqual([d, true]);
    for (const d of VN.workingWeekendDays) expect([d, [0, 6].includes(weekdayOf(d))]).toEqual([d, true]);
    expect(new Set(VN.holidays).size).toBe(VN.holidays.length);
  });

  it('nets the 11 statutory days off per year (New Year 1, Tết 5, Hùng Kings 1, 30/4, 1/5, National Day 2)', () => {
    // Weekday holidays minus make-up Saturdays. 2025 nets 10: the announced Tết block (25/1–2/2) put
    // the fifth Tết day on Saturday 1 February without a separate compensatory weekday.
    const net = [2022, 2023, 2024, 2025, 2026].map((year) =>
      VN.holidays.filter((d) => d.startsWith(`${year}`)).length - VN.workingWeekendDays.filter((d) => d.startsWith(`${year}`)).length);
    expect(net).toEqual([11, 11, 11, 10, 11]);
  });

  it('closes offices for Tết and opens them on make-up Saturdays', () => {
    expect(['2025-01-27', '2025-01-28', '2025-01-31'].map((d) => isWorkingDay(d, VN))).toEqual([false, false, false]);
    expect(isWorkingDay('2025-02-08', VN)).toBe(true); // Saturday worked for 27 January
    expect(isWorkingDay('2025-02-15', VN)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2024-02-15', VN)).toBe(true);
  });

  it('adds and subtracts working days across holidays', () => {
    expect(addWorkingDays('2025-01-24', 1, VN)).toBe('2025-02-03'); // Friday before Tết → Monday after
    expect(addWorkingDays('2025-03-03', 5, VN)).toBe('2025-03-10');
    expect(addWorkingDays('2025-05-07', -5, VN)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-07', 0, VN)).toBe('2025-04-08'); // a holiday rolls to the next working day
    expect(workingDaysBetween('2025-01-24', '2025-02-10', VN)).toBe(7); // 24/1, 3–7/2 and Saturday 8/2
    expect(QD766_2022.calendar).toBe(VN);
  });
});

describe('addWorkingDays stepping over day numbers', () => {
  // The definition, day by day over written dates: the n-th following (or preceding) day that isWorkingDay says is worked.
  const byDefinition = (date: string, n: number, calendar: typeof VN): string => {
    let current = date;
    for (let left = Math.abs(n); left > 0; ) {
      current = addCalendarDays(current, Math.sign(n));
      if (isWorkingDay(current, calendar)) left -= 1;
    }
    return current;
  };
  const dateOf = (days: number) => addCalendarDays('2021-06-01', days);

  it('answers the n-th working day by the definition, for any date, n and calendar (holidays, make-up days, entries that are no date)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 * 366 }),
        fc.integer({ min: -45, max: 45 }).filter((n) => n !== 0),
        fc.array(fc.integer({ min: 0, max: 6 * 366 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 6 * 366 }), { maxLength: 10 }),
        (start, n, off, on) => {
          const calendar = { holidays: [...off.map(dateOf), '2024-13-01', '2025-2-3'], workingWeekendDays: on.map(dateOf) };
          const date = dateOf(start);
          expect([date, n, addWorkingDays(date, n, calendar)]).toEqual([date, n, byDefinition(date, n, calendar)]);
        },
      ),
      { numRuns: 500 },
    );
    expect(addWorkingDays('2025-12-31', 1, VN)).toBe('2026-01-02'); // New Year's Day off, across the year
    expect(() => addWorkingDays('2025-02-30', 1, VN)).toThrow(RangeError);
  });
});
