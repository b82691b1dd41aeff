import type { Pool } from 'pg';
import type { StoredEvent } from '../port';
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
}

/**
 * Reads units' history in global position order for auditors (as-of, diff, verify), in pages so
 * a province-year does not sit in one result, reporting progress as it goes.
 */
export class PostgresHistoryReader {
  constructor(private readonly pool: Pool, private readonly pageSize = 20_000) {}

  async read(query: HistoryQuery, onProgress?: (read: number, total: number) => void): Promise<HistoryEvent[]> {
    const where = `unit_code = ANY($1::text[]) AND ($2::timestamptz IS NULL OR recorded_at <= $2) AND ($3::timestamptz IS NULL OR recorded_at > $3)`;
    const params = [query.unitCodes, query.recordedUntil?.toISOString() ?? null, query.recordedAfter?.toISOString() ?? null];
    const total = Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE ${where}`, params)).rows[0].n);
    const out: HistoryEvent[] = [];
    let after = '0';
    for (;;) {
      const page = await this.pool.query<EventRow & { prev_hash: string }>(
        `SELECT ${EVENT_COLUMNS}, prev_hash FROM events WHERE ${where} AND global_position > $4::bigint ORDER BY global_position LIMIT $5`,
        [...params, after, this.pageSize],
      );
      for (const row of page.rows) out.push({ ...toStoredEvent(row), prevHash: row.prev_hash });
      onProgress?.(out.length, total);
      if (page.rows.length < this.pageSize) return out;
      after = page.rows[page.rows.length - 1].global_position;
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
