/**
 * A ranking longer than a screen rotates: the wall shows one page of rows after the other (pure, so
 * the rotation's arithmetic is unit-tested in __tests__/wall-pages.spec.ts).
 */

/** How many pages `rows` rows fill, at least one (an empty ranking is one empty page). */
export function pageCount(rows: number, perPage: number): number {
  return Math.max(1, Math.ceil(rows / Math.max(1, perPage)));
}

/** The rows of page `page` (0-based; any integer wraps around). */
export function pageOf<T>(rows: readonly T[], page: number, perPage: number): readonly T[] {
  const pages = pageCount(rows.length, perPage);
  const index = ((page % pages) + pages) % pages;
  return rows.slice(index * perPage, (index + 1) * perPage);
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, pages: number): number {
  return pages <= 1 ? 0 : (page + 1) % pages;
}
