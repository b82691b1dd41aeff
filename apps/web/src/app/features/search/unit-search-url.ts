/**
 * The registry's search query as the console sends it. The API folds diacritics itself ("hung yen"
 * finds "Hưng Yên"); the console only trims, and keeps to the API's limits so that what a person
 * types is never answered 400 for its length.
 */
export interface UnitSearchQuery {
  readonly q: string;
  readonly level?: string | null;
  readonly limit: number;
  readonly offset?: number;
}

/** GET /api/v1/units accepts at most 100 characters in `q` (docs/units.md). */
export const MAX_QUERY_LENGTH = 100;
/** One letter finds half the country: the box waits for two. */
export const MIN_QUERY_LENGTH = 2;

/** The query as sent: spaces trimmed and collapsed, cut to the API's maximum. */
export function normaliseQuery(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

export function unitSearchUrl(query: UnitSearchQuery): string {
  const params = new URLSearchParams({ q: normaliseQuery(query.q), limit: String(query.limit) });
  if (query.level) params.set('level', query.level);
  if (query.offset) params.set('offset', String(query.offset));
  return `/api/v1/units?${params.toString()}`;
}
