import type { DomainEvent } from '@idx/domain';
import type { Pool } from 'pg';
import { type Checkpoint, type ReplayEvent, START, type StreamReplay } from '../port';
import { type BinaryRow, copyOutPages } from './copy-out';

/** Decoded pages waiting while the caller folds one (the server keeps producing meanwhile). */
const AHEAD = 3;

function replayEventOf(row: BinaryRow): ReplayEvent {
  const { buffer, starts, lengths } = row;
  return {
    globalPosition: buffer.readBigInt64BE(starts[0]),
    transactionId: buffer.readBigUInt64BE(starts[1]),
    // json's binary form is its text (payload is json since migration 20261204000100).
    event: JSON.parse(buffer.toString('utf8', starts[2], starts[2] + lengths[2])) as DomainEvent,
  };
}

/**
 * The log below one read horizon, stream by stream, by one `COPY … TO STDOUT (FORMAT binary)`:
 * the server sorts (or walks the (stream_id, stream_version) index) and sends rows while this
 * process parses and the caller folds; no per-row protocol parse and no text-to-number conversion.
 * Every event below the horizon is in it exactly once, so `checkpoint` — the greatest (transaction
 * id, position) below the horizon — is where the gap-free order (readForReplay) goes on.
 */
export async function replayByStream(pool: Pool, pageSize: number): Promise<StreamReplay> {
  const bound = await pool.query<{ xmin: string; t: string | null; p: string | null }>(
    `SELECT h.xmin::text AS xmin, last.t, last.p
       FROM (SELECT events_read_horizon() AS xmin) AS h
       LEFT JOIN LATERAL (SELECT transaction_id::text AS t, global_position::text AS p FROM events
                           WHERE transaction_id < h.xmin ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS last ON true`,
  );
  const { xmin, t, p } = bound.rows[0];
  const checkpoint: Checkpoint = t === null || p === null ? START : { transactionId: BigInt(t), position: BigInt(p) };
  // COPY takes no parameters: the bound is the server's own number, checked to be digits.
  if (!/^\d+$/.test(xmin)) throw new Error(`unexpected read horizon ${JSON.stringify(xmin)}`);
  const sql = `COPY (SELECT global_position, transaction_id, payload FROM events WHERE transaction_id < '${xmin}'::xid8
                     ORDER BY stream_id, stream_version) TO STDOUT (FORMAT binary)`;
  async function* pages(): AsyncGenerator<ReplayEvent[]> {
    if (t === null) return;
    const client = await pool.connect();
    let complete = false;
    try {
      // Walking the (stream_id, stream_version) index sends the first rows at once, so the server
      // works beside the fold; a sort would first read and order the whole log (on disk past
      // work_mem) while this process waits.
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_sort = off');
      yield* copyOutPages(client, sql, 3, replayEventOf, pageSize, AHEAD);
      await client.query('COMMIT');
      complete = true;
    } finally {
      // A caller that stopped early leaves the COPY running: that connection is ended, not reused.
      client.release(complete ? undefined : true);
    }
  }
  return { checkpoint, pages: pages() };
}
