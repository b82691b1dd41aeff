import { daysInMonth, WIRE_YEAR_MAX, WIRE_YEAR_MIN } from '@idx/contracts';

/**
 * The portal's timestamps: `yyyyMMddHHmmss`, local time of Asia/Ho_Chi_Minh (one-stop systems format
 * them with that zone, e.g. OpenCPS's DVCQGIntegrationActionImpl.convertDate2String). Vietnam has
 * kept UTC+07:00 without daylight saving since 1975, so the local time maps to one instant.
 */
const PORTAL_TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

export const PORTAL_TIME_HINT = 'must be a time written yyyyMMddHHmmss in Vietnam time (Asia/Ho_Chi_Minh), e.g. 20250303080000';

export type PortalTimeReading = { readonly ok: true; readonly iso: string; readonly epochMs: number } | { readonly ok: false; readonly reason: string };

/** Reads one portal timestamp strictly (no 30 February, no hour 24), as an ISO instant with +07:00. */
export function readPortalTime(text: string): PortalTimeReading {
  const m = PORTAL_TIMESTAMP.exec(text);
  if (!m) return { ok: false, reason: `${PORTAL_TIME_HINT}; got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}` };
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (year < WIRE_YEAR_MIN || year > WIRE_YEAR_MAX) return { ok: false, reason: `has year ${year} (${text}), outside ${WIRE_YEAR_MIN}–${WIRE_YEAR_MAX}` };
  if (month < 1 || month > 12) return { ok: false, reason: `is not a real date (${text}: months run 01–12)` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `is not a real date (${text}: month ${month} of ${year} has ${daysInMonth(year, month)} days)` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `is not a real time of day (${text}: hours 00–23, minutes and seconds 00–59)` };
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`;
  return { ok: true, iso, epochMs: Date.parse(iso) };
}

/** The portal timestamp of an instant (for tests, tools and documentation examples). */
export function toPortalTime(epochMs: number): string {
  const local = new Date(epochMs + 7 * 3_600_000).toISOString();
  return local.slice(0, 19).replace(/[-T:]/g, '');
}
