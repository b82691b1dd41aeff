import type { ExplainCategory, ExplainItemDto, ExplainTotalsDto } from '@idx/contracts';
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
  return m ? { setId: BigInt(m[1] ?? '0'), ordinal: Number(m[2]), offset: Number(m[3]) } : undefined;
}

/**
 * The domain lists those that cost points first, and every other listed subject is in the numerator
 * (one in neither is not listed): each category is a range of ordinals, a range read of the primary key.
 */
const PAGE_SQL = `SELECT ordinal, item FROM explain_rows WHERE set_id = $1 AND ordinal > $2 AND ordinal < $3 ORDER BY ordinal LIMIT $4`;

function ordinalRange(category: ExplainCategory, totals: ExplainTotalsDto): { from: number; to: number } {
  if (category === 'costs-points') return { from: 0, to: totals.costsPoints };
  if (category === 'counted') return { from: totals.costsPoints, to: totals.items };
  return { from: 0, to: totals.items };
}

type PageRows = readonly { ordinal: number; item: ExplainItemDto }[];
export interface ExplainPage { items: ExplainItemDto[]; next: ExplainCursor | null; offset: number }

/** Where a page starts and ends in the list: after the cursor, inside the category's ordinals. */
function bounds(request: ExplainPageRequest, totals: ExplainTotalsDto): { after: number; to: number; offset: number } {
  const range = ordinalRange(request.category, totals);
  return { after: Math.max(request.cursor?.ordinal ?? -1, range.from - 1), to: range.to, offset: request.cursor?.offset ?? 0 };
}

/** `rows`: up to size + 1 rows after the cursor — one more than asked tells whether a next page exists, without counting. */
function pageOf(setId: bigint, request: ExplainPageRequest, offset: number, rows: PageRows): ExplainPage {
  const page = rows.slice(0, request.size);
  const last = page[page.length - 1];
  const next = rows.length > request.size && last ? { setId, ordinal: last.ordinal, offset: offset + page.length } : null;
  return { items: page.map((r) => r.item), next, offset };
}

/** One page of a stored set: `size` rows of the category after the cursor, and the cursor of the next page (null on the last). */
export async function readExplainPage(prisma: ReadModelClient, set: { id: bigint; totals: ExplainTotalsDto }, request: ExplainPageRequest): Promise<ExplainPage> {
  const { after, to, offset } = bounds(request, set.totals);
  const rows = await prisma.$queryRawUnsafe<{ ordinal: number; item: ExplainItemDto }[]>(PAGE_SQL, set.id, after, to, request.size + 1);
  return pageOf(set.id, request, offset, rows);
}

/** The same page of a set just built, from its items in memory while its rows are being stored. */
export function explainPageFrom(items: readonly ExplainItemDto[], set: { id: bigint; totals: ExplainTotalsDto }, request: ExplainPageRequest): ExplainPage {
  const { after, to, offset } = bounds(request, set.totals);
  const rows = items.slice(after + 1, Math.min(to, after + 2 + request.size)).map((item, k) => ({ ordinal: after + 1 + k, item }));
  return pageOf(set.id, request, offset, rows);
}
