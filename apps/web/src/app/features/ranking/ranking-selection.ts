import { isUnitLevel } from '../../core/i18n/unit-levels.i18n';
import { periodOrCurrentMonth } from '../../core/time/period-key';

/** The level ranked when the URL names none. */
export const DEFAULT_LEVEL = 'province';

/** What is ranked: a period, a level and optionally the units under one parent. */
export interface RankingSelection {
  readonly period: string;
  readonly level: string;
  readonly parent: string | null;
}

/** The ranking page's query parameters: `ky` (period), `cap` (level), `thuoc` (under that unit). */
export interface RankingQuery {
  readonly ky?: string | null;
  readonly cap?: string | null;
  readonly thuoc?: string | null;
}

/**
 * What the ranking page shows for its URL. Pure: the page reads it, and so does the landing load
 * (app/boot/landing-requests.ts), which asks the API for the same ranking before the app has booted.
 */
export function rankingSelectionOf(query: RankingQuery): RankingSelection {
  return {
    period: periodOrCurrentMonth(query.ky),
    level: isUnitLevel(query.cap) ? query.cap : DEFAULT_LEVEL,
    parent: query.thuoc?.trim() || null,
  };
}
