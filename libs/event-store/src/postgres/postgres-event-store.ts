import type { DomainEvent } from '@idx/domain';
import { escapeLiteral, type Pool, type PoolClient } from 'pg';
import {
  type AppendOutcome,
  type Checkpoint,
  type EventStore,
  type ExpectedVersion,
  type ReadBatch,
  type ReplayBatch,
  type ReplayEvent,
  type StoredEvent,
  type StreamAppend,
  type StreamReplay,
  WrongExpectedVersionError,
} from '../port';
import { AppendNotifier } from './append-notifier';
import { canonicalJson } from './canonical-json';
import { contentDifferences } from './content-difference';
import { copyIn, copyLines, type CopyValue } from './copy-in';
import { chainHashOfCanonical, textBeforeVersion } from './hash-chain';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './row-mapping';
import { replayByStream } from './stream-replay';

export { EVENTS_APPENDED_CHANNEL } from './append-notifier';

/** Texts as an array literal for a simple query (escapeLiteral doubles quotes and backslashes). */
const textArray = (texts: readonly string[]): string => `ARRAY[${texts.map(escapeLiteral).join(',')}]::text[]`;

/** The columns a batch writes, in its COPY rows' order (transaction_id takes its default: the writing transaction). */
const COPIED_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, unit_code, source_system, occurred_at, recorded_at, payload, prev_hash, hash';

/**
 * Events after a checkpoint ($1 transaction id, $2 position), at most $3, in the gap-free order:
 * only transactions below the oldest one of this database still running that could append
 * (events_read_horizon, migrations 20261204000110 and 20261208000100), by (transaction id, position). Columns are
 * qualified because the select lists alias transaction_id as text, and a bare name would sort as text.
 */
const GAP_FREE_AFTER_CHECKPOINT = `WHERE (events.transaction_id, events.global_position) > ($1::text::xid8, $2::bigint)
         AND events.transaction_id < (SELECT events_read_horizon())
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`;

interface StreamHead {
  version: number;
  lastHash: string;
}

/** An event id already stored (position known) or first seen earlier in the same batch (freshIndex). */
interface KnownEvent {
  readonly streamId: string;
  readonly payload: DomainEvent;
  readonly position?: bigint;
  readonly freshIndex?: number;
}

function differingFields(first: KnownEvent, item: StreamAppend): string[] {
  if (first.streamId === item.streamId && canonicalJson(first.payload) === canonicalJson(item.event)) return [];
  const fields = contentDifferences(first.payload, item.event);
  return first.streamId === item.streamId ? fields : ['streamId', ...fields];
}

function conflict(eventId: string, storedGlobalPosition: bigint, differingFields: string[]): AppendOutcome {
  return {
    status: 'conflict', storedGlobalPosition, differingFields,
    reason: `eventId ${eventId} is already stored (global position ${storedGlobalPosition}) with different content: ` +
      `${differingFields.join(', ')} differ${differingFields.length === 1 ? 's' : ''}; a correction needs its own eventId`,
  };
}

/**
 * Raised inside a transaction when one of the batch's event ids turns out to be stored already (by
 * an earlier append or a concurrent writer), or when a batch appended without looking its ids up
 * finds its stream at another version: the batch is rolled back and appended again, looking up.
 */
class LookUpAndRetry extends Error {}

/**
 * PostgreSQL event store. Appends lock the touched stream rows (in a fixed order, so concurrent
 * batches cannot deadlock), skip event ids already stored (duplicate, or conflict when the content
 * differs), chain hashes per stream and notify subscribers once committed (append-notifier.ts).
 * Readers see only transactions below the oldest one still running.
 */
export class PostgresEventStore implements EventStore {
  private readonly notifier: AppendNotifier;

  constructor(private readonly pool: Pool) {
    this.notifier = new AppendNotifier(pool);
  }

  async appendToStream(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion = 'any'): Promise<AppendOutcome[]> {
    return this.append(events.map((event) => ({ streamId, event })), expected);
  }

  async appendMany(items: readonly StreamAppend[]): Promise<AppendOutcome[]> {
    return this.append(items, 'any');
  }

  private async append(items: readonly StreamAppend[], expected: ExpectedVersion): Promise<AppendOutcome[]> {
    if (items.length === 0) return [];
    if (items.length === 1) {
      const outcome = await this.appendOne(items[0], expected);
      if (outcome.status === 'accepted') this.notifier.poke();
      return [outcome];
    }
    // First without looking the ids up: they are new in the common case, and the insert's unique
    // index would refuse a stored one anyway (that costs this batch a second try, with the look-up).
    let lookUp = false;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        const outcomes = await this.appendInTransaction(client, items, expected, lookUp);
        if (outcomes.some((o) => o.status === 'accepted')) this.notifier.poke();
        return outcomes;
      } catch (error) {
        // Also when the failure came before BEGIN reached the server: a ROLLBACK outside a transaction only warns.
        await client.query('ROLLBACK').catch(() => undefined);
        if (!(error instanceof LookUpAndRetry) || attempt >= 5) throw error;
        lookUp = true;
      } finally {
        client.release();
      }
    }
  }

  /**
   * One event in one round trip: a prepared call of append_one_event (migration
   * 20261202000600_append_one_event), which locks the stream, checks the version, finishes the hash
   * in the statement's own transaction (subscribers are woken after it commits). Single appends are what one-stop systems
   * send (one dossier change at a time); the batch path takes three round trips and a COPY.
   */
  private async appendOne(item: StreamAppend, expected: ExpectedVersion): Promise<AppendOutcome> {
    const { streamId, event } = item;
    const recordedAt = new Date().toISOString();
    // The canonical text is both what the hash covers and what is stored (json keeps it as written).
    const canonical = canonicalJson(event);
    const result = await this.pool.query<{ o: unknown }>({
      name: 'append_one_event',
      text: 'SELECT o_status, o_position::text, o_version, o_stored_stream, o_stored_payload FROM append_one_event($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
      values: [event.eventId, streamId, event.type, event.schemaVersion, event.unitCode, event.sourceSystem, event.occurredAt, recordedAt,
        canonical, textBeforeVersion({ streamId, recordedAt }, canonical), expected === 'any' ? null : expected],
      rowMode: 'array',
    } as never);
    const [status, position, version, storedStream, storedPayload] = (result.rows as unknown as [string, string, number, string, DomainEvent][])[0];
    if (status === 'accepted') return { status: 'accepted', globalPosition: BigInt(position), streamVersion: version };
    if (status === 'wrong_version') throw new WrongExpectedVersionError(streamId, expected as number, version);
    const fields = differingFields({ streamId: storedStream, payload: storedPayload }, item);
    return fields.length === 0 ? { status: 'duplicate' } : conflict(event.eventId, BigInt(position), fields);
  }

  /**
   * A batch in one transaction of three round trips (four with COPY's own exchange): BEGIN, the
   * streams' heads locked (a missing stream created) and the positions reserved, in one simple
   * query; the rows by COPY; the heads moved and COMMIT in one simple query. The simple queries carry
   * their values as escaped literals (the protocol takes no parameters with several statements).
   * Positions are reserved for every distinct id: one a duplicate does not use is a gap, as a
   * rolled-back insert leaves. A throw leaves the transaction to the caller's ROLLBACK.
   */
  private async appendInTransaction(client: PoolClient, items: readonly StreamAppend[], expected: ExpectedVersion, lookUp: boolean): Promise<AppendOutcome[]> {
    const streamIds = [...new Set(items.map((i) => i.streamId))].sort();
    const distinctIds = new Set(items.map((i) => i.event.eventId.toLowerCase())).size;
    // A missing stream is created, then every head locked (the latest committed version, after
    // waiting for a concurrent writer of the same stream), in sorted order so that two batches cannot
    // lock each other's streams crosswise; each statement sees the rows the one before inserted.
    const streams = textArray(streamIds);
    const [, , locked, reserved] = (await client.query(
      `BEGIN;
       INSERT INTO streams (stream_id, version, last_hash) SELECT unnest(${streams}), 0, '' ON CONFLICT DO NOTHING;
       SELECT stream_id, version, last_hash FROM streams WHERE stream_id = ANY(${streams}) ORDER BY stream_id FOR UPDATE;
       SELECT nextval('events_global_position_seq')::text AS p FROM generate_series(1, ${distinctIds})`,
    )) as unknown as [unknown, unknown, { rows: { stream_id: string; version: number; last_hash: string }[] }, { rows: { p: string }[] }];
    const heads = new Map<string, StreamHead>(locked.rows.map((r) => [r.stream_id, { version: r.version, lastHash: r.last_hash }]));

    // On a retry, the ids already stored are fetched with their payload, for the content check.
    const existing = lookUp
      ? (await client.query<{ event_id: string; global_position: string; stream_id: string; payload: DomainEvent }>(
        'SELECT event_id::text, global_position::text, stream_id, payload FROM events WHERE event_id = ANY($1::uuid[])', [items.map((i) => i.event.eventId)],
      )).rows
      : [];
    const known = new Map<string, KnownEvent>(existing.map((r) => [
      r.event_id.toLowerCase(), { streamId: r.stream_id, payload: r.payload, position: BigInt(r.global_position) },
    ]));

    const fresh: number[] = [];
    const laterConflicts: { outcome: number; firstFresh: number; fields: string[] }[] = [];
    const outcomes: (AppendOutcome | undefined)[] = items.map((item, index) => {
      const key = item.event.eventId.toLowerCase();
      const first = known.get(key);
      if (!first) {
        known.set(key, { streamId: item.streamId, payload: item.event, freshIndex: fresh.length });
        fresh.push(index);
        return undefined;
      }
      const fields = differingFields(first, item);
      if (fields.length === 0) return { status: 'duplicate' };
      if (first.position === undefined) {
        // The same id twice in this batch with different content: the first is stored, this one
        // conflicts with it once its position is known.
        laterConflicts.push({ outcome: index, firstFresh: first.freshIndex as number, fields });
        return undefined;
      }
      return conflict(item.event.eventId, first.position, fields);
    });

    if (expected !== 'any' && fresh.length > 0) {
      const head = heads.get(items[fresh[0]].streamId) as StreamHead;
      // A stream that does not exist yet has a row at version 0 (created above), so -1 and 0 agree.
      const wanted = expected === -1 ? 0 : expected;
      if (head.version !== wanted) {
        // Without the look-up a re-sent batch would look like a stale writer: look before refusing.
        if (!lookUp) throw new LookUpAndRetry();
        throw new WrongExpectedVersionError(items[fresh[0]].streamId, expected, head.version);
      }
    }
    if (fresh.length === 0) {
      await client.query('COMMIT');
      return outcomes as AppendOutcome[];
    }

    const recordedIso = new Date().toISOString();
    // The rows by COPY, at the positions reserved (the sequence hands them out in order): PostgreSQL parses its text
    // format far cheaper than a JSON document of the batch (server CPU per 1,000 events 55–59 against
    // 79–80 ms, alternating, docs/performance.md). Each payload's canonical JSON is written once,
    // hashed and stored as the same text (the column is json: kept as written).
    const rows: CopyValue[][] = [];
    fresh.forEach((index, n) => {
      const { streamId, event } = items[index];
      const head = heads.get(streamId) as StreamHead;
      const streamVersion = head.version + 1;
      const canonical = canonicalJson(event);
      const hash = chainHashOfCanonical(head.lastHash, { streamId, streamVersion, recordedAt: recordedIso }, canonical);
      const position = reserved.rows[n].p;
      rows.push([position, event.eventId, streamId, streamVersion, event.type, event.schemaVersion, event.unitCode, event.sourceSystem, event.occurredAt,
        recordedIso, canonical, head.lastHash, hash]);
      outcomes[index] = { status: 'accepted', globalPosition: BigInt(position), streamVersion };
      heads.set(streamId, { version: streamVersion, lastHash: hash });
    });
    // An id already stored (not looked up on a first try, or stored by a concurrent writer since the
    // look-up) is a unique violation that retries the batch with the look-up: checking each row
    // first (what ON CONFLICT costs) would pay for that on every event.
    await copyIn(client, `events (${COPIED_COLUMNS})`, copyLines(rows)).catch((error: { code?: string; constraint?: string }) => {
      if (error.code === '23505' && error.constraint === 'events_event_id_key') throw new LookUpAndRetry();
      throw error;
    });
    for (const c of laterConflicts) {
      const stored = outcomes[fresh[c.firstFresh]] as { globalPosition: bigint };
      outcomes[c.outcome] = conflict(items[c.outcome].event.eventId, stored.globalPosition, c.fields);
    }

    const touched = [...heads.entries()];
    await client.query(
      `UPDATE streams s SET version = v.version, last_hash = v.last_hash
       FROM unnest(${textArray(touched.map(([id]) => id))}, ARRAY[${touched.map(([, h]) => h.version).join(',')}]::int[],
                   ${textArray(touched.map(([, h]) => h.lastHash))}) AS v(stream_id, version, last_hash)
       WHERE s.stream_id = v.stream_id;
       COMMIT`,
    );
    return outcomes as AppendOutcome[];
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return result.rows.map(toStoredEvent);
  }

  async readForReplay(after: Checkpoint, limit: number): Promise<ReplayBatch> {
    // payload as text and positions as text: the driver's per-column type parsing is what a
    // replay would otherwise spend most of its time on.
    const result = await this.pool.query<{ p: string; t: string; e: string }>({
      text: `SELECT events.global_position::text AS p, events.transaction_id::text AS t, events.payload::text AS e FROM events
       ${GAP_FREE_AFTER_CHECKPOINT}`,
      values: [after.transactionId.toString(), after.position.toString(), limit],
      rowMode: 'array',
    } as never);
    const rows = result.rows as unknown as [string, string, string][];
    const events = rows.map(([p, t, e]) => ({ globalPosition: BigInt(p), transactionId: BigInt(t), event: JSON.parse(e) as DomainEvent }));
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : after };
  }

  /**
   * The log up to one snapshot bound (the oldest transaction running when the call began: nothing
   * below it can still appear) cut into ranges of the gap-free order, each read by its own query,
   * `ahead` of them at once. Payloads are stored as json text (migration 20261204000100), so the
   * server hands them back as stored; reading and parsing in Node is the rest of a page's cost, and
   * with several pages in flight the server's part of it runs beside the fold. Range ends are found by position through the primary key (one index
   * probe each), not by counting rows: a range holds about `pageSize` events, every event below the
   * bound lies in exactly one range, and the ranges are read in (transaction id, position) order.
   */
  async *replayPages(after: Checkpoint, pageSize: number, ahead = 3): AsyncIterable<ReplayBatch> {
    const bound = await this.pool.query<{ xmin: string; lo: string | null; hi: string | null }>(
      // min and max are one probe each of the primary key; probes before `after` are dropped below.
      `SELECT events_read_horizon()::text AS xmin, min(global_position)::text AS lo, max(global_position)::text AS hi FROM events`,
    );
    const { xmin, lo, hi } = bound.rows[0];
    if (lo === null || hi === null) return;
    // Probe keys every pageSize positions, keep those below the bound and after `after`, in order.
    const probes: string[] = [];
    for (let p = BigInt(lo) + BigInt(pageSize); p <= BigInt(hi); p += BigInt(pageSize)) probes.push(p.toString());
    const keys = probes.length === 0 ? [] : (await this.pool.query<{ t: string; p: string }>(
      `SELECT k.t, k.p FROM unnest($1::bigint[]) AS probe(at)
       CROSS JOIN LATERAL (SELECT transaction_id::text AS t, global_position::text AS p, transaction_id AS tx, global_position AS pos
                           FROM events WHERE global_position >= probe.at ORDER BY global_position LIMIT 1) AS k
       WHERE k.tx < $2::text::xid8 AND (k.tx, k.pos) > ($3::text::xid8, $4::bigint)
       ORDER BY k.tx, k.pos`,
      [probes, xmin, after.transactionId.toString(), after.position.toString()],
    )).rows.map((r): Checkpoint => ({ transactionId: BigInt(r.t), position: BigInt(r.p) }));
    const ends: (Checkpoint | undefined)[] = [...keys.filter((k, i) => i === 0 || k.transactionId !== keys[i - 1].transactionId || k.position !== keys[i - 1].position), undefined];
    const starts = [after, ...ends.slice(0, -1) as Checkpoint[]];
    const read = (i: number) => this.readRange(starts[i], ends[i], xmin, 2 * pageSize);
    const inFlight: Promise<ReplayBatch>[] = [];
    let next = 0;
    try {
      while (next < ends.length || inFlight.length > 0) {
        while (next < ends.length && inFlight.length < Math.max(1, ahead)) inFlight.push(read(next++));
        const page = await (inFlight.shift() as Promise<ReplayBatch>);
        if (page.events.length > 0) yield page;
      }
    } finally {
      // A reader that stops early (or throws) leaves no query unanswered behind it.
      await Promise.allSettled(inFlight);
    }
  }

  /**
   * Events in (from, to] (to open when undefined) below the transaction bound, in gap-free order,
   * as one page. Queried in slices of `limit` (repeated while full): a range is about a page, but one
   * whose transactions interleave widely with others' positions can hold more.
   */
  private async readRange(from: Checkpoint, to: Checkpoint | undefined, xmin: string, limit: number): Promise<ReplayBatch> {
    // Two texts, not "$4 IS NULL OR …": the upper end must be an index condition, or each range
    // would scan the index to its end.
    const upTo = to ? 'AND (events.transaction_id, events.global_position) <= ($5::text::xid8, $6::bigint)' : '';
    const text = `SELECT events.global_position::text AS p, events.transaction_id::text AS t, events.payload::text AS e FROM events
       WHERE (events.transaction_id, events.global_position) > ($1::text::xid8, $2::bigint) ${upTo}
         AND events.transaction_id < $3::text::xid8
       ORDER BY events.transaction_id, events.global_position
       LIMIT $4`;
    const events: ReplayEvent[] = [];
    let cursor = from;
    const client = await this.pool.connect();
    try {
      // A range's rows are few enough to walk the index in order; without this the planner, seeing
      // them all wanted, sorts their payloads (on disk) instead.
      await client.query('BEGIN READ ONLY');
      await client.query('SET LOCAL enable_sort = off');
      for (;;) {
        const result = await client.query({
          text,
          values: [cursor.transactionId.toString(), cursor.position.toString(), xmin, limit, ...(to ? [to.transactionId.toString(), to.position.toString()] : [])],
          rowMode: 'array',
        } as never) as unknown as { rows: [string, string, string][] };
        for (const [p, t, e] of result.rows) events.push({ globalPosition: BigInt(p), transactionId: BigInt(t), event: JSON.parse(e) as DomainEvent });
        const last = events[events.length - 1];
        if (last) cursor = { transactionId: last.transactionId, position: last.globalPosition };
        if (result.rows.length < limit) break;
      }
      await client.query('COMMIT');
      return { events, checkpoint: cursor };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  replayByStream(pageSize: number): Promise<StreamReplay> {
    return replayByStream(this.pool, pageSize);
  }

  async readAll(after: Checkpoint, limit: number): Promise<ReadBatch> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       ${GAP_FREE_AFTER_CHECKPOINT}`,
      [after.transactionId.toString(), after.position.toString(), limit],
    );
    const events = result.rows.map(toStoredEvent);
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : after };
  }
}
