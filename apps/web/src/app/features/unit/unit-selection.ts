import { periodOrCurrentMonth, trendEndMonth } from '../../core/time/period-key';

/** The unit page's trend: the 12 months up to the period's last (or the current) month. */
const TREND_MONTHS = 12;

/** Which unit, period and (for auditors) record-time moment the page shows. */
export interface UnitSelection {
  readonly code: string;
  readonly period: string;
  readonly asOf: string | null;
}

/** The unit page's query parameters: `ky` (period), `asOf` (an ISO instant, auditors). */
export interface UnitQuery {
  readonly ky?: string | null;
  readonly asOf?: string | null;
}

/** Only a readable instant is sent to the API; anything else shows live figures. */
export function asOfOrLive(requested: string | null | undefined): string | null {
  return requested && !Number.isNaN(new Date(requested).getTime()) ? requested : null;
}

/**
 * What the unit page shows for its URL. Pure: the page reads it, and so does the landing load
 * (app/boot/landing-requests.ts), which asks the API for the same figures before the app has booted.
 */
export function unitSelectionOf(code: string, query: UnitQuery): UnitSelection {
  return { code, period: periodOrCurrentMonth(query.ky), asOf: asOfOrLive(query.asOf) };
}

/** Which months the page's trend shows for a selection (its first trend request). */
export function trendWindowOf(selection: UnitSelection): { readonly to: string; readonly months: number } {
  return { to: trendEndMonth(selection.period), months: TREND_MONTHS };
}
