import { type CopyValue, copyIn, copyLines } from '@idx/event-store';
import { poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import type { LinkRow } from './explain-joins';
import type { StoredRowInput } from './explain-sets';

/**
 * A full build's rows and links written by COPY (the event store's protocol code, copy-in.ts): no JSON
 * document to parse. A 185k-row list took 35–42 s as one json_array_elements document per 5,000 rows
 * (each row's element parsed again for each of its 12 fields), 12–16 s as json_to_recordset and
 * 8 s by COPY on the bench machine, while first pages were answered from memory and cursors waited.
 */

/** Rows per COPY: one text of a few tens of MB at most. */
const ROWS_PER_COPY = 20_000;

const bool = (b: boolean): CopyValue => (b ? 't' : 'f');

/** COPY of `items` in chunks on a connection of the client's own pool (a client made by createReadModelClient). */
async function copyChunks<T>(prisma: ReadModelClient, target: string, items: readonly T[], toRow: (item: T) => readonly CopyValue[]): Promise<void> {
  if (items.length === 0) return;
  const pool = poolOfReadModels(prisma);
  if (!pool) throw new Error('explain: a full build writes by COPY on the pool of a client made by createReadModelClient; this client has none');
  const client = await pool.connect();
  try {
    for (let from = 0; from < items.length; from += ROWS_PER_COPY) {
      await copyIn(client, target, copyLines(items.slice(from, from + ROWS_PER_COPY).map(toRow)));
    }
  } finally {
    client.release();
  }
}

/** A built set's rows, visible from version `fromList`; `item` as its JSON text (a delta compares that text). */
export function copyExplainRows(prisma: ReadModelClient, setId: bigint, fromList: bigint, rows: readonly StoredRowInput[]): Promise<void> {
  return copyChunks(
    prisma, 'explain_rows (set_id, seq, stream_id, subject_key, rank, neg_late, code, in_numerator, in_denominator, timed, from_list, item)', rows,
    (r) => [setId, r.seq, r.streamId, r.subjectKey, r.rank, r.negLate, r.code, bool(r.inNumerator), bool(r.inDenominator), bool(r.timed), fromList, JSON.stringify(r.item)],
  );
}

/** A joined set's links. */
export function copyExplainLinks(prisma: ReadModelClient, setId: bigint, links: readonly LinkRow[]): Promise<void> {
  return copyChunks(prisma, 'explain_links (set_id, subject_key, join_code, evidence_from)', links, ([key, code, evidence]) => [setId, key, code, evidence]);
}
