import type { ExplainCategory, ExplainItemDto } from '@idx/contracts';
import type { RawRunner } from './pool-subjects';

/** Page sizes: the console asks for the default; a script may ask for up to the maximum per request. */
export const EXPLAIN_PAGE_SIZE = { default: 50, max: 200 } as const;

/** What a reader asks for: a page size, the category, and where the previous page ended. */
export interface ExplainPageRequest {
  readonly size: number;
  readonly category: ExplainCategory;
  readonly cursor: ExplainCursor | undefined;
}

/**
 * Where a page ended: the version of the list it was read from (so a change in between does not
 * shift the reader's list), the place (seq) of the last row shown and how many of the category were
 * shown so far. Sent as "list.seq.offset".
 */
export interface ExplainCursor {
  readonly listId: bigint;
  readonly seq: number;
  readonly offset: number;
}

const CURSOR = /^([1-9]\d{0,17})\.(\d{1,9})\.(\d{1,9})$/;

export const formatExplainCursor = (c: ExplainCursor): string => `${c.listId}.${c.seq}.${c.offset}`;

/** A cursor as sent back by the client, or undefined when it is not one this service wrote. */
export function parseExplainCursor(text: string): ExplainCursor | undefined {
  const m = CURSOR.exec(text);
  return m ? { listId: BigInt(m[1] ?? '0'), seq: Number(m[2]), offset: Number(m[3]) } : undefined;
}

/** The ranks a category pages (explain-rows.ts): those that cost points are rank 0, the others listed rank 1. */
export function rankRange(category: ExplainCategory): { from: number; to: number } {
  if (category === 'costs-points') return { from: 0, to: 0 };
  if (category === 'counted') return { from: 1, to: 1 };
  return { from: 0, to: 1 };
}

/** The rows a version (`list`: an SQL expression) shows: those added at or before it and not retired by then. */
export const VISIBLE_IN = (list: string) => `from_list <= ${list} AND (to_list IS NULL OR to_list > ${list})`;

/** A first page of a given version: a range read of explain_rows_page from the category's first rank. */
const FIRST_PAGE_SQL = `SELECT seq, item FROM explain_rows WHERE set_id = $1 AND rank BETWEEN $2 AND $3 AND ${VISIBLE_IN('$4')}
  ORDER BY rank, neg_late, code, stream_id LIMIT $5`;

type PageRows = readonly { seq: number; item: ExplainItemDto }[];
export interface ExplainPage { items: ExplainItemDto[]; next: ExplainCursor | null; offset: number }

/** `rows`: up to size + 1 rows after the cursor — one more than asked tells whether a next page exists, without counting. */
export function pageOf(listId: bigint, request: ExplainPageRequest, rows: PageRows): ExplainPage {
  const offset = request.cursor?.offset ?? 0;
  const page = rows.slice(0, request.size);
  const last = page[page.length - 1];
  const next = rows.length > request.size && last ? { listId, seq: last.seq, offset: offset + page.length } : null;
  return { items: page.map((r) => r.item), next, offset };
}

/** The first page of a stored version (one a delta of another request in this process just wrote). */
export async function readFirstPageOf(db: RawRunner, list: { id: bigint; setId: bigint }, request: ExplainPageRequest): Promise<ExplainPage> {
  const { from, to } = rankRange(request.category);
  return pageOf(list.id, request, await db.$queryRawUnsafe<PageRows>(FIRST_PAGE_SQL, list.setId, from, to, list.id, request.size + 1));
}

/** The first page from rows in memory, in order (a list just built while its rows are stored; a version a delta just wrote). */
export function explainPageFrom(rows: readonly { seq: number; rank: number; item: ExplainItemDto | null }[], listId: bigint, request: ExplainPageRequest): ExplainPage {
  const { from, to } = rankRange(request.category);
  const picked: { seq: number; item: ExplainItemDto }[] = [];
  for (const r of rows) {
    if (picked.length > request.size) break;
    if (r.rank >= from && r.rank <= to && r.item) picked.push({ seq: r.seq, item: r.item });
  }
  return pageOf(listId, request, picked);
}
