import { monthKeyOf } from '@idx/domain';
/** Business time is Asia/Ho_Chi_Minh whatever the browser's zone (DOMAIN: a period boundary is local midnight). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET = '+07:00';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month containing `now` in Vietnam, as a period key: 2025-06 (the domain's monthKeyOf). */
export function currentMonthKey(now: Date = new Date()): string {
  return monthKeyOf(now.getTime());
}

export function isMonthKey(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

/** 2025-06 → 06/2025, the way official letters print a month. */
export function formatMonthKey(key: string): string {
  const [year, month] = key.split('-');
  return `${month}/${year}`;
}

/**
 * Wall-clock time in Vietnam, HH:mm:ss (24-hour, Latin digits, as both console languages print it).
 * From the fixed UTC+7 offset rather than Intl.DateTimeFormat with a time zone: the first such
 * formatter costs ~60 ms of a cold load (the zone data), and every page draws this clock with its figures.
 */
export function formatClock(instant: Date): string {
  const { h, mi, s } = vietnamFields(instant);
  return `${h}:${mi}:${s}`;
}

/** Wall-clock fields of an instant in Vietnam, zero-padded. */
function vietnamFields(instant: Date): { y: string; mo: string; d: string; h: string; mi: string; s: string } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(shifted.getUTCFullYear()),
    mo: pad(shifted.getUTCMonth() + 1),
    d: pad(shifted.getUTCDate()),
    h: pad(shifted.getUTCHours()),
    mi: pad(shifted.getUTCMinutes()),
    s: pad(shifted.getUTCSeconds()),
  };
}

/**
 * An instant as Vietnamese documents print it, in Vietnam time: 05/04/2025 10:00:00.
 * Unreadable input is shown as sent rather than hidden.
 */
export function formatDateTime(value: string | Date, options: { readonly seconds?: boolean } = {}): string {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return String(value);
  const f = vietnamFields(instant);
  return `${f.d}/${f.mo}/${f.y} ${f.h}:${f.mi}${options.seconds === false ? '' : `:${f.s}`}`;
}

/** `<input type="datetime-local">` value (read as Vietnam time) → ISO-8601 with offset, or null. */
export function localInputToIso(value: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value ?? '');
  if (!match) return null;
  const iso = `${match[1]}T${match[2]}${match[3] ?? ':00'}${VIETNAM_OFFSET}`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

/** An instant → the `<input type="datetime-local">` value showing it in Vietnam time (seconds kept when set). */
export function isoToLocalInput(value: string | Date | null | undefined): string {
  if (!value) return '';
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return '';
  const f = vietnamFields(instant);
  return `${f.y}-${f.mo}-${f.d}T${f.h}:${f.mi}${f.s === '00' ? '' : `:${f.s}`}`;
}
