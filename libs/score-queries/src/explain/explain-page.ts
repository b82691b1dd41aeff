import type { ExplainCategory, ExplainItemDto } from '@idx/contracts';
import type { ReadModelClient } from '@idx/read-models';

/** Page sizes: the console asks for the default; a script may ask for up to the maximum per request. */
export const EXPLAIN_PAGE_SIZE = { default: 50, max: 200 } as const;

/** What a reader asks for: a page size, the category, and where the previous page ended. */
export interface ExplainPageRequest {
  readonly size: number;
  readonly category: ExplainCategory;
  readonly cursor: ExplainCursor | undefined;
}

/**
 * Where a page ended: the set it was read from (so a rebuild in between does not shift the reader's
 * list), the last ordinal shown and how many of the category were shown so far. Sent as "set.ordinal.offset".
 */
export interface ExplainCursor {
  readonly setId: bigint;
  readonly ordinal: number;
  readonly offset: number;
}

const CURSOR = /^([1-9]\d{0,17})\.(\d{1,9})\.(\d{1,9})$/;

export const formatExplainCursor = (c: ExplainCursor): string => `${c.setId}.${c.ordinal}.${c.offset}`;

/** A cursor as sent back by the client, or undefined when it is not one this service wrote. */
export function parseExplainCursor(text: string): ExplainCursor | undefined {
  const m = CURSOR.exec(text);
  return m ? { setId: BigInt(m[1]!), ordinal: Number(m[2]), offset: Number(m[3]) } : undefined;
}

// One statement per category, so each is a range read of its own index (a shared `OR` would defeat them).
const PAGE_SQL: Readonly<Record<ExplainCategory, string>> = {
  all: `SELECT ordinal, item FROM explain_rows WHERE set_id = $1 AND ordinal > $2 ORDER BY ordinal LIMIT $3`,
  'costs-points': `SELECT ordinal, item FROM explain_rows WHERE set_id = $1 AND costs_points AND ordinal > $2 ORDER BY ordinal LIMIT $3`,
  counted: `SELECT ordinal, item FROM explain_rows WHERE set_id = $1 AND in_numerator AND ordinal > $2 ORDER BY ordinal LIMIT $3`,
};

/** One page of a set: `size` rows of the category after the cursor, and the cursor of the next page (null on the last). */
export async function readExplainPage(
  prisma: ReadModelClient, setId: bigint, request: ExplainPageRequest,
): Promise<{ items: ExplainItemDto[]; next: ExplainCursor | null; offset: number }> {
  const after = request.cursor?.ordinal ?? -1;
  const offset = request.cursor?.offset ?? 0;
  // One more than asked: whether a next page exists, without counting.
  const rows = await prisma.$queryRawUnsafe<{ ordinal: number; item: ExplainItemDto }[]>(PAGE_SQL[request.category], setId, after, request.size + 1);
  const page = rows.slice(0, request.size);
  const last = page[page.length - 1];
  const next = rows.length > request.size && last ? { setId, ordinal: last.ordinal, offset: offset + page.length } : null;
  return { items: page.map((r) => r.item), next, offset };
}
