/** Business time is Asia/Ho_Chi_Minh whatever the browser's zone (DOMAIN: a period boundary is local midnight). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

const monthParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
});

/** The month containing `now` in Vietnam, as a period key: 2025-06. */
export function currentMonthKey(now: Date = new Date()): string {
  const parts = monthParts.formatToParts(now);
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  return `${year}-${month}`;
}

export function isMonthKey(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

/** 2025-06 → 06/2025, the way official letters print a month. */
export function formatMonthKey(key: string): string {
  const [year, month] = key.split('-');
  return `${month}/${year}`;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time in Vietnam, HH:mm:ss. */
export function formatClock(instant: Date, locale: string): string {
  let formatter = clockFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: VIETNAM_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clockFormatters.set(locale, formatter);
  }
  return formatter.format(instant);
}
