import type { Pool } from 'pg';
import type { Checkpoint, StoredEvent } from '../port';
import { type ChainLink, firstBrokenLink } from './hash-chain';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './row-mapping';

export interface HistoryEvent extends StoredEvent {
  readonly prevHash: string;
}

export interface HistoryQuery {
  readonly unitCodes: readonly string[];
  /** Record-time cut: only events recorded at or before this instant ("as it stood then"). */
  readonly recordedUntil?: Date;
  /** Only events recorded after this instant. */
  readonly recordedAfter?: Date;
  /**
   * Position cut: only events at or before this checkpoint in the gap-free order (transaction id,
   * global position) — exactly the events a projection whose checkpoint this is has applied.
   */
  readonly upTo?: Checkpoint;
}

/** The events that build the dated unit tree (as unit-tree.ts folds them). */
const UNIT_TREE_EVENTS = `(type LIKE 'unit.%' OR type = 'certified-copy.issued')`;

/**
 * Reads units' history in global position order for auditors (as-of, diff, verify), in pages so
 * a province-year does not sit in one result, reporting progress as it goes.
 */
export class PostgresHistoryReader {
  constructor(private readonly pool: Pool, private readonly pageSize = 20_000) {}

  /**
   * Read in the order the projection applies events — (transaction id, global position), the
   * store's gap-free order — so a replay folds each subject's events as the projection did.
   */
  async read(query: HistoryQuery, onProgress?: (read: number, total: number) => void): Promise<HistoryEvent[]> {
    return this.readWhere('unit_code = ANY($1::text[])', [query.unitCodes], query, onProgress);
  }

  /** Every unit-tree event (registrations, renames, mergers, …) of every unit, within the same cuts. */
  async unitTreeEvents(query: Omit<HistoryQuery, 'unitCodes'>): Promise<HistoryEvent[]> {
    return this.readWhere(UNIT_TREE_EVENTS, [], query);
  }

  private async readWhere(
    filter: string, filterParams: readonly unknown[], query: Omit<HistoryQuery, 'unitCodes'>, onProgress?: (read: number, total: number) => void,
  ): Promise<HistoryEvent[]> {
    const n = filterParams.length;
    const where = `${filter} AND ($${n + 1}::timestamptz IS NULL OR recorded_at <= $${n + 1}) AND ($${n + 2}::timestamptz IS NULL OR recorded_at > $${n + 2})
      AND ($${n + 3}::text IS NULL OR (transaction_id, global_position) <= ($${n + 3}::text::xid8, $${n + 4}::bigint))`;
    const params = [
      ...filterParams, query.recordedUntil?.toISOString() ?? null, query.recordedAfter?.toISOString() ?? null,
      query.upTo?.transactionId.toString() ?? null, query.upTo?.position.toString() ?? null,
    ];
    const total = Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE ${where}`, params)).rows[0].n);
    const out: HistoryEvent[] = [];
    let after: [string, string] = ['0', '0'];
    for (;;) {
      const page = await this.pool.query<EventRow & { prev_hash: string }>(
        `SELECT ${EVENT_COLUMNS}, prev_hash FROM events WHERE ${where}
           AND (events.transaction_id, events.global_position) > ($${n + 5}::text::xid8, $${n + 6}::bigint)
         ORDER BY events.transaction_id, events.global_position LIMIT $${n + 7}`,
        [...params, ...after, this.pageSize],
      );
      for (const row of page.rows) out.push({ ...toStoredEvent(row), prevHash: row.prev_hash });
      onProgress?.(out.length, total);
      if (page.rows.length < this.pageSize) return out;
      const last = page.rows[page.rows.length - 1];
      after = [last.transaction_id, last.global_position];
    }
  }

  /** Whole streams (every version) for a chain check. */
  async streams(streamIds: readonly string[]): Promise<Map<string, HistoryEvent[]>> {
    const rows = await this.pool.query<EventRow & { prev_hash: string }>(
      `SELECT ${EVENT_COLUMNS}, prev_hash FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [streamIds],
    );
    const byStream = new Map<string, HistoryEvent[]>();
    for (const row of rows.rows) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), { ...toStoredEvent(row), prevHash: row.prev_hash }]);
    return byStream;
  }
}

/** The first version whose link is broken, or null: the stream was not rewritten. */
export function brokenAt(stream: readonly HistoryEvent[]): number | null {
  const links: ChainLink[] = stream.map((e) => ({
    streamId: e.streamId, streamVersion: e.streamVersion, recordedAt: e.recordedAt.toISOString(), payload: e.event, prevHash: e.prevHash, hash: e.hash,
  }));
  return firstBrokenLink(links);
}
