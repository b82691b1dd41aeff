export interface DurationParts {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Splits a positive duration into whole days, hours and minutes (rounded down to the minute). */
export function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / MINUTE_MS) * MINUTE_MS);
  return {
    days: Math.floor(total / DAY_MS),
    hours: Math.floor((total % DAY_MS) / HOUR_MS),
    minutes: Math.floor((total % HOUR_MS) / MINUTE_MS),
  };
}

/**
 * The two most significant non-zero parts: "2 ngày 3 giờ", "5 giờ 12 phút", "40 phút".
 * `words` gives each unit's word for a count (Vietnamese does not inflect, English does).
 */
export function formatDuration(
  ms: number,
  words: { readonly day: (n: number) => string; readonly hour: (n: number) => string; readonly minute: (n: number) => string },
): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts: string[] = [];
  if (days > 0) parts.push(words.day(days));
  if (hours > 0) parts.push(words.hour(hours));
  if (minutes > 0 && days === 0) parts.push(words.minute(minutes));
  if (parts.length === 0) return words.minute(0);
  return parts.slice(0, 2).join(' ');
}
