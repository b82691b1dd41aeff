import type { ExplainItemDto, ExplainTotalsDto } from '@idx/contracts';
import type { Period, UnitScore } from '@idx/domain';
import { type ChangeRow, changesSql } from './explain-delta';
import { type ExplainCursor, type ExplainPageRequest, rankRange, VISIBLE_IN } from './explain-page';
import type { ExplainList, ExplainSet } from './explain-sets';
import { isoSpan, type RawRunner } from './pool-subjects';

/**
 * The reads of one explain request, each one statement (one round trip, the unit of waiting on a
 * loaded machine): a first page's read gives all it needs when nothing changed, and all a delta needs
 * otherwise; a cursor page's read is the whole answer. Each also reads the unit's finished score (the
 * criterion's figure and its pool), which used to be a query of its own.
 */

/** The unit's finished score row ($1 unit, $2 period): the criteria as its score shows them and the units pooled into it. */
export const FINISHED_SCOPE_SQL = `SELECT score, has_activity, pooled_units FROM finished_scores WHERE unit_code = $1 AND period = $2`;
export interface FinishedScopeRow { readonly score: UnitScore; readonly has_activity: boolean; readonly pooled_units: string[] }

/** A stored row as a page reads it, with its order key (merged in memory with a delta's rows: compareRows). */
export interface StoredPageRow {
  readonly seq: number; readonly subjectKey: string; readonly rank: 0 | 1 | 2; readonly negLate: number; readonly code: string; readonly streamId: string;
  readonly item: ExplainItemDto;
}
const PAGE_ROW_JSON = `json_build_object('seq', seq, 'subjectKey', subject_key, 'rank', rank, 'negLate', neg_late, 'code', code, 'streamId', stream_id, 'item', item)`;
const PAGE_ORDER = `ORDER BY rank, neg_late, code, stream_id`;

/**
 * The latest complete set with its current version, the changes since its position (changesSql) and
 * the first rows of the category in that version: size + 1 + PAGE_SLACK, so that the page still
 * holds size + 1 rows once a delta's retired rows are taken out (more retired from it: read again).
 * The limit is a parameter, not a count of the changes: with an expression the planner does not know
 * it and sorted a category's 30k rows (200 ms) instead of walking explain_rows_page.
 * $1 unit, $2 period, $3 criterion, $4/$5 the period's bounds, $6/$7 the category's ranks, $8 the limit.
 */
const FIRST_PAGE_READ = `
  WITH s AS (SELECT s.id, s.members, s.subjects_position, s.judged_at, s.next_seq, l.id AS list_id, l.totals, l.evaluated_at
             FROM explain_sets s JOIN explain_lists l ON l.id = s.current_list
             WHERE s.unit_code = $1 AND s.period = $2 AND s.criterion = $3 AND s.complete ORDER BY s.id DESC LIMIT 1),
       c AS (${changesSql('s', '$4', '$5')}),
       p AS (SELECT r.* FROM s CROSS JOIN LATERAL (
               SELECT seq, subject_key, rank, neg_late, code, stream_id, item FROM explain_rows
               WHERE set_id = s.id AND rank BETWEEN $6 AND $7 AND ${VISIBLE_IN('s.list_id')}
               ${PAGE_ORDER} LIMIT $8) r)
  SELECT (SELECT row_to_json(f) FROM (${FINISHED_SCOPE_SQL}) f) AS scope,
         (SELECT json_build_object('id', id::text, 'members', members, 'subjects_position', subjects_position::text, 'judged_at', judged_at,
                                   'next_seq', next_seq, 'list_id', list_id::text, 'totals', totals, 'evaluated_at', evaluated_at) FROM s) AS set,
         (SELECT coalesce(json_agg(c), '[]'::json) FROM c) AS changes,
         (SELECT coalesce(json_agg(${PAGE_ROW_JSON} ${PAGE_ORDER}), '[]'::json) FROM p) AS page`;

interface SetJson {
  id: string; members: string[]; subjects_position: string; judged_at: string; next_seq: number; list_id: string; totals: ExplainTotalsDto; evaluated_at: string;
}

export interface FirstPageRead {
  readonly scope: FinishedScopeRow | null;
  /** The latest complete set and its next_seq (where a delta's rows are numbered from), if one was built. */
  readonly set: (ExplainSet & { readonly nextSeq: number }) | undefined;
  readonly changes: readonly ChangeRow[];
  /** The category's first rows of the set's current version, in order: size + 1 + PAGE_SLACK at most. */
  readonly rows: readonly StoredPageRow[];
  /** Whether `rows` holds all the category's rows (fewer than asked for). */
  readonly all: boolean;
}

/** Rows read past a first page's size + 1: a delta's retired rows up to this many are taken out of it without another read. */
export const PAGE_SLACK = 20;

export async function readFirstPage(
  db: RawRunner, unitCode: string, period: Period, criterion: number, request: ExplainPageRequest,
): Promise<FirstPageRead> {
  const { from, to } = rankRange(request.category);
  const [row] = await db.$queryRawUnsafe<{ scope: FinishedScopeRow | null; set: SetJson | null; changes: ChangeRow[]; page: StoredPageRow[] }[]>(
    FIRST_PAGE_READ, unitCode, period.key, criterion, ...isoSpan(period), from, to, request.size + 1 + PAGE_SLACK,
  );
  const s = row?.set;
  const set = s
    ? {
        id: BigInt(s.id), unitCode, period: period.key, criterion, members: s.members, subjectsPosition: BigInt(s.subjects_position),
        judgedAt: new Date(s.judged_at), nextSeq: s.next_seq,
        list: { id: BigInt(s.list_id), setId: BigInt(s.id), totals: s.totals, evaluatedAt: new Date(s.evaluated_at) },
      }
    : undefined;
  const rows = row?.page ?? [];
  return { scope: row?.scope ?? null, set, changes: row?.changes ?? [], rows, all: rows.length < request.size + 1 + PAGE_SLACK };
}

/**
 * A cursor's version (with the list it belongs to), whether the cursor's row is still kept, and the
 * page after it: the cursor row's key read by primary key, then a keyset range read of
 * explain_rows_page from it (set_id leads the row comparison so the whole of it bounds the index scan).
 * $1 unit, $2 period, $3 version, $4 the cursor row's seq, $5/$6 the category's ranks, $7 size + 1.
 */
const CURSOR_PAGE_READ = `
  WITH l AS (SELECT l.id, l.set_id, l.totals, l.evaluated_at, s.unit_code, s.period, s.criterion
             FROM explain_lists l JOIN explain_sets s ON s.id = l.set_id AND s.complete WHERE l.id = $3),
       k AS (SELECT r.rank, r.neg_late, r.code, r.stream_id FROM l JOIN explain_rows r ON r.set_id = l.set_id AND r.seq = $4),
       p AS (SELECT r.* FROM l, k, LATERAL (
               SELECT seq, subject_key, rank, neg_late, code, stream_id, item FROM explain_rows
               WHERE (set_id, rank, neg_late, code, stream_id) > (l.set_id, k.rank, k.neg_late, k.code, k.stream_id) AND set_id = l.set_id
                 AND rank BETWEEN $5 AND $6 AND ${VISIBLE_IN('l.id')}
               ${PAGE_ORDER} LIMIT $7) r)
  SELECT (SELECT row_to_json(f) FROM (${FINISHED_SCOPE_SQL}) f) AS scope,
         (SELECT json_build_object('id', id::text, 'set_id', set_id::text, 'totals', totals, 'evaluated_at', evaluated_at,
                                   'unit_code', unit_code, 'period', period, 'criterion', criterion) FROM l) AS list,
         EXISTS (SELECT 1 FROM k) AS kept,
         (SELECT coalesce(json_agg(${PAGE_ROW_JSON} ${PAGE_ORDER}), '[]'::json) FROM p) AS page`;

export interface CursorPageRead {
  readonly scope: FinishedScopeRow | null;
  /** The cursor's version, if still kept, with the unit, period and criterion of its list. */
  readonly list: (ExplainList & { readonly unitCode: string; readonly period: string; readonly criterion: number }) | undefined;
  /** Whether the cursor's row is still kept (no row after it and not kept: its version was dropped). */
  readonly kept: boolean;
  readonly rows: readonly StoredPageRow[];
}

export async function readCursorPage(db: RawRunner, unitCode: string, period: Period, cursor: ExplainCursor, request: ExplainPageRequest): Promise<CursorPageRead> {
  const { from, to } = rankRange(request.category);
  const [row] = await db.$queryRawUnsafe<{
    scope: FinishedScopeRow | null; kept: boolean; page: StoredPageRow[];
    list: { id: string; set_id: string; totals: ExplainTotalsDto; evaluated_at: string; unit_code: string; period: string; criterion: number } | null;
  }[]>(CURSOR_PAGE_READ, unitCode, period.key, cursor.listId.toString(), cursor.seq, from, to, request.size + 1);
  const l = row?.list;
  const list = l
    ? { id: BigInt(l.id), setId: BigInt(l.set_id), totals: l.totals, evaluatedAt: new Date(l.evaluated_at), unitCode: l.unit_code, period: l.period, criterion: l.criterion }
    : undefined;
  return { scope: row?.scope ?? null, list, kept: row?.kept === true, rows: row?.page ?? [] };
}
