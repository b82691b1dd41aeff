import type { WorkingCalendar } from '../time/working-days';

/**
 * Weekdays off and make-up Saturdays for state agencies (cán bộ, công chức, viên chức), 2022–2026,
 * under Labour Code 2019 art. 112: New Year (1 day), Tết (5 days), Hùng Kings' day (10/3 lunar),
 * 30/4, 1/5, National Day 2/9 plus one adjacent day; a holiday on a weekend gives a compensatory
 * weekday, and the Prime Minister may bridge a weekday against a worked Saturday.
 *
 * Written from the published holiday notices as best we know them. 2026 is provisional: the New
 * Year bridge (if any) and National Day's adjacent day were not confirmed when this was written,
 * and Vietnam Culture Day (24/11) is not included. Corrections are a data change here, ideally in a
 * new rule-set revision so that earlier scores stay reproducible.
 */
export const VIETNAM_WORKING_CALENDAR_2022_2026: WorkingCalendar = {
  coversYears: [2022, 2026],
  holidays: [
    // 2022
    '2022-01-03', // New Year (1/1 was a Saturday): compensatory Monday
    '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', // Tết Nhâm Dần (30 Chạp – mùng 4)
    '2022-04-11', // Hùng Kings (10/3 lunar = Sunday 10 April): compensatory Monday
    '2022-05-02', '2022-05-03', // 30/4 and 1/5 fell on the weekend: compensatory days
    '2022-09-01', '2022-09-02', // National Day and the day before
    // 2023
    '2023-01-02', // New Year (1/1 was a Sunday): compensatory Monday
    '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', // Tết Quý Mão (20–26 January)
    '2023-05-01', // Labour Day
    '2023-05-02', '2023-05-03', // compensatory for Hùng Kings (Saturday 29/4) and 30/4 (Sunday)
    '2023-09-01', // National Day's adjacent day (Friday)
    '2023-09-04', // compensatory for 2/9 (Saturday)
    // 2024
    '2024-01-01', // New Year
    '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', // Tết Giáp Thìn (8–14 February)
    '2024-04-18', // Hùng Kings (10/3 lunar)
    '2024-04-29', // bridged, worked on Saturday 4 May
    '2024-04-30', '2024-05-01', // Reunification Day, Labour Day
    '2024-09-02', '2024-09-03', // National Day and the day after
    // 2025
    '2025-01-01', // New Year
    '2025-01-27', // bridged, worked on Saturday 8 February
    '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', // Tết Ất Tỵ
    '2025-04-07', // Hùng Kings (10/3 lunar)
    '2025-04-30', '2025-05-01', // Reunification Day, Labour Day
    '2025-05-02', // bridged, worked on Saturday 26 April
    '2025-09-01', '2025-09-02', // National Day and the day before
    // 2026 (provisional, see above)
    '2026-01-01', // New Year
    '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', // Tết Bính Ngọ (29 Chạp – mùng 4)
    '2026-04-27', // Hùng Kings (10/3 lunar = Sunday 26 April): compensatory Monday
    '2026-04-30', '2026-05-01', // Reunification Day, Labour Day
    '2026-09-01', '2026-09-02', // National Day and (provisionally) the day before
  ],
  workingWeekendDays: ['2024-05-04', '2025-02-08', '2025-04-26'],
};
