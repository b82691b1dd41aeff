import { createHash, type Hash, type KeyObject } from 'node:crypto';
import type { LogProblemDto, LogSealDto, LogVerifyReportDto } from '@idx/contracts';
import type { Pool, PoolClient } from 'pg';
import { chainHash } from '../postgres/hash-chain';
import { sealKeyId } from './seal-key';
import { readLogId, type SealWitness } from './seal-witness';
import { GENESIS_HEAD, SEAL_COLUMNS, type SealRow, sealSignatureValid, toSealDto } from './seal-format';

/** A seal an auditor holds on to (from the witness file, a closed month, a published head). */
export interface TrustedHead {
  readonly seq: string;
  readonly headHash: string;
  /** Where the auditor got it, for the report ("witness file", "closed month 2025-06"). */
  readonly source: string;
}

export interface LogVerifyOptions {
  /** The keys seals may be signed with, from outside the database. */
  readonly publicKeys: readonly KeyObject[];
  readonly trustedHeads?: readonly TrustedHead[];
  /** The sealer's witness file: its seal must still be stored, when it is of this log. */
  readonly witness?: SealWitness;
  /** Incremental run: trust this seal (it must still be stored as given) and check only what follows. */
  readonly fromSeal?: { readonly seq: string; readonly headHash: string };
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const MAX_LISTED = 100;

type EventTuple = [position: string, transactionId: string, streamId: string, streamVersion: number, recordedAt: string, payload: string, prevHash: string, hash: string];

/** (transaction id, position) as one comparable pair. */
interface Place { readonly tx: bigint; readonly pos: bigint }
const after = (a: Place, b: Place) => a.tx > b.tx || (a.tx === b.tx && a.pos > b.pos);

/**
 * `audit verify-log`: in one consistent snapshot, recomputes every event's hash from its content,
 * checks every stream's chain (versions from 1 without gaps, each prev_hash the hash before, the
 * streams table's head), folds the recomputed hashes in the global order and compares the fold
 * with every seal (event count, head, signature). Events stream through a cursor in batches; only
 * the current seal's running hash is kept, so memory does not grow with the log.
 */
export class LogVerifier {
  private readonly keys: Map<string, KeyObject>;

  constructor(private readonly pool: Pool, private readonly options: LogVerifyOptions) {
    this.keys = new Map(options.publicKeys.map((k) => [sealKeyId(k), k]));
  }

  async verify(): Promise<LogVerifyReportDto> {
    const started = Date.now();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const run = new VerifyRun(client, this.keys, this.options);
      const report = await run.execute();
      await client.query('COMMIT');
      return { ...report, elapsedMs: Date.now() - started };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

class VerifyRun {
  private readonly problems: LogProblemDto[] = [];
  private readonly notes: string[] = [];
  private problemCount = 0;
  private seals: LogSealDto[] = [];
  private sealIndex = 0;
  private sealsChecked = 0;
  private lastSeal: LogSealDto | null = null;
  private expectedSeq = 1n;
  private prevHead = GENESIS_HEAD;
  private prevCount = 0n;
  private prevUpTo: Place = { tx: 0n, pos: 0n };
  private hasher: Hash = createHash('sha256').update(GENESIS_HEAD);
  private segmentCount = 0n;
  private unsealed = 0;

  constructor(private readonly client: PoolClient, private readonly keys: Map<string, KeyObject>, private readonly options: LogVerifyOptions) {}

  private problem(p: LogProblemDto): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  async execute(): Promise<Omit<LogVerifyReportDto, 'elapsedMs'>> {
    if (this.keys.size === 0) this.notes.push('no public seal key was given: no seal signature can be checked');
    await this.startFrom(this.options.fromSeal);
    await this.checkTrustedHeads(await this.witnessHead());
    const eventsChecked = await this.foldEvents();
    while (this.current()) await this.closeSeal();
    const streamsChecked = await this.checkStreamLinks();
    return {
      intact: this.problemCount === 0, eventsChecked, streamsChecked, sealsChecked: this.sealsChecked, lastSeal: this.lastSeal,
      unsealed: this.unsealed, problems: this.problems, problemCount: this.problemCount, notes: this.notes,
    };
  }

  private async startFrom(from: LogVerifyOptions['fromSeal']): Promise<void> {
    if (!from) return;
    const row = (await this.client.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals WHERE seq = $1`, [from.seq])).rows[0];
    if (!row || row.head_hash !== from.headHash) {
      this.problem({ kind: 'seal-missing', seq: from.seq, detail: `seal ${from.seq} to start from is ${row ? 'different' : 'missing'} in the database` });
      return;
    }
    const seal = toSealDto(row);
    this.lastSeal = seal;
    this.expectedSeq = BigInt(seal.seq) + 1n;
    this.prevHead = seal.headHash;
    this.prevCount = BigInt(seal.eventCount);
    this.prevUpTo = { tx: BigInt(seal.upToTransactionId), pos: BigInt(seal.upToPosition) };
    this.hasher = createHash('sha256').update(this.prevHead);
  }

  private async witnessHead(): Promise<TrustedHead[]> {
    const w = this.options.witness;
    if (!w) return [];
    const logId = await readLogId((sql) => this.client.query(sql));
    if (w.logId === logId) return [{ seq: w.seq, headHash: w.headHash, source: 'the sealer\'s witness file' }];
    this.notes.push(`the witness file is of log ${w.logId}, this database holds log ${logId}: not checked against it`);
    return [];
  }

  private async checkTrustedHeads(fromWitness: readonly TrustedHead[]): Promise<void> {
    for (const t of [...(this.options.trustedHeads ?? []), ...fromWitness]) {
      const row = (await this.client.query<{ head_hash: string }>('SELECT head_hash FROM log_seals WHERE seq = $1', [t.seq])).rows[0];
      if (!row) this.problem({ kind: 'seal-missing', seq: t.seq, detail: `seal ${t.seq} (${t.source}) is missing: the log's seals were truncated` });
      else if (row.head_hash !== t.headHash) this.problem({ kind: 'seal-head', seq: t.seq, detail: `seal ${t.seq} differs from the head held by ${t.source}: the seals were rewritten` });
    }
  }

  private current(): LogSealDto | undefined {
    return this.seals[this.sealIndex];
  }

  /** Seals come in pages by seq, as the fold needs them: a long-lived log has many. */
  private async loadSeals(): Promise<void> {
    if (this.sealIndex < this.seals.length) return;
    const last = this.seals[this.seals.length - 1]?.seq ?? String(this.expectedSeq - 1n);
    this.seals = (await this.client.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals WHERE log_seals.seq > $1 ORDER BY log_seals.seq LIMIT 1000`, [last])).rows.map(toSealDto);
    this.sealIndex = 0;
  }

  private async foldEvents(): Promise<number> {
    const batch = this.options.batchSize ?? 5000;
    const total = Number((await this.client.query<{ n: string }>(
      'SELECT count(*) AS n FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)',
      [String(this.prevUpTo.tx), String(this.prevUpTo.pos)])).rows[0].n);
    await this.loadSeals();
    // ORDER BY names qualified: bare, they would sort the text casts of the select list ('10' < '9').
    await this.client.query(
      `DECLARE log_events NO SCROLL CURSOR FOR
       SELECT global_position::text, transaction_id::text, stream_id, stream_version,
              to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), payload::text, prev_hash, hash
       FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       ORDER BY events.transaction_id, events.global_position`,
      [String(this.prevUpTo.tx), String(this.prevUpTo.pos)],
    );
    let done = 0;
    const nextBatch = () => {
      const query = this.client.query<EventTuple>({ text: `FETCH ${batch} FROM log_events`, rowMode: 'array' });
      query.catch(() => undefined); // awaited below; marked handled in case a check throws first
      return query;
    };
    let pending = nextBatch();
    for (;;) {
      const rows = (await pending).rows;
      // Ask for the next batch before hashing this one: the server reads while we hash.
      if (rows.length === batch) pending = nextBatch();
      for (const [position, tx, streamId, streamVersion, recordedAt, payload, prevHash, hash] of rows) {
        const recomputed = chainHash(prevHash, { streamId, streamVersion, recordedAt, payload: JSON.parse(payload) });
        if (recomputed !== hash) {
          this.problem({ kind: 'event-content', streamId, streamVersion, globalPosition: position,
            detail: `stream ${streamId} version ${streamVersion} (global position ${position}): the stored hash does not match the content: it was edited in place` });
        }
        const place = { tx: BigInt(tx), pos: BigInt(position) };
        while (this.current() && after(place, this.upTo(this.current() as LogSealDto))) {
          await this.closeSeal();
        }
        if (this.current()) {
          this.hasher.update(recomputed);
          this.segmentCount++;
        } else {
          this.unsealed++;
        }
      }
      done += rows.length;
      this.options.onProgress?.(done, total);
      if (rows.length < batch) break;
    }
    await this.client.query('CLOSE log_events');
    return done;
  }

  private upTo(seal: LogSealDto): Place {
    return { tx: BigInt(seal.upToTransactionId), pos: BigInt(seal.upToPosition) };
  }

  /** Compares the fold so far with the current seal, then starts the next segment from that seal's stored head. */
  private async closeSeal(): Promise<void> {
    const seal = this.current() as LogSealDto;
    const head = this.hasher.digest('hex');
    const seq = BigInt(seal.seq);
    const range = `after (${this.prevUpTo.tx}, ${this.prevUpTo.pos}) up to (${seal.upToTransactionId}, ${seal.upToPosition})`;
    if (seq !== this.expectedSeq) {
      this.problem({ kind: 'seal-sequence', seq: seal.seq, detail: `seal ${seal.seq} follows seal ${this.expectedSeq - 1n}: seals in between were removed` });
    }
    if (!after(this.upTo(seal), this.prevUpTo)) {
      this.problem({ kind: 'seal-sequence', seq: seal.seq, detail: `seal ${seal.seq} does not move past the seal before it` });
    }
    const sealedCount = BigInt(seal.eventCount) - this.prevCount;
    if (sealedCount !== this.segmentCount) {
      this.problem({ kind: 'seal-count', seq: seal.seq,
        detail: `seal ${seal.seq} covers ${sealedCount} events ${range}, the log holds ${this.segmentCount} there: events were ${this.segmentCount < sealedCount ? 'deleted' : 'inserted'}` });
    } else if (head !== seal.headHash) {
      this.problem({ kind: 'seal-head', seq: seal.seq,
        detail: `seal ${seal.seq}: the events ${range} do not fold to its head: an event there was changed (e.g. a re-chained edit) or replaced` });
    }
    const key = this.keys.get(seal.keyId);
    if (!key) this.problem({ kind: 'seal-key', seq: seal.seq, detail: `seal ${seal.seq} names key ${seal.keyId}, which is not a trusted seal key` });
    else if (!sealSignatureValid(seal, key)) this.problem({ kind: 'seal-signature', seq: seal.seq, detail: `seal ${seal.seq}: the signature does not match its fields: the seal was edited` });

    this.sealsChecked++;
    this.lastSeal = seal;
    this.expectedSeq = seq + 1n;
    this.prevHead = seal.headHash;
    this.prevCount = BigInt(seal.eventCount);
    this.prevUpTo = this.upTo(seal);
    this.hasher = createHash('sha256').update(this.prevHead);
    this.segmentCount = 0n;
    this.sealIndex++;
    await this.loadSeals();
  }

  /** Every stream's links and the streams table's heads, set-based in the same snapshot. */
  private async checkStreamLinks(): Promise<number> {
    const links = await this.client.query<{ stream_id: string; stream_version: number; p: string; before_version: number | null; linked: boolean }>(
      `SELECT stream_id, stream_version, global_position::text AS p, before_version, prev_hash = coalesce(before_hash, '') AS linked FROM (
         SELECT stream_id, stream_version, global_position, prev_hash,
                lag(hash) OVER w AS before_hash, lag(stream_version) OVER w AS before_version
         FROM events WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version)) x
       WHERE stream_version <> coalesce(before_version, 0) + 1 OR prev_hash <> coalesce(before_hash, '')
       ORDER BY stream_id, stream_version LIMIT ${MAX_LISTED}`,
    );
    for (const r of links.rows) {
      const detail = r.stream_version !== (r.before_version ?? 0) + 1
        ? `stream ${r.stream_id}: version ${r.stream_version} follows ${r.before_version === null ? 'nothing' : `version ${r.before_version}`}: versions are missing`
        : `stream ${r.stream_id} version ${r.stream_version}: prev_hash is not the hash of the version before`;
      this.problem({ kind: 'stream-link', streamId: r.stream_id, streamVersion: r.stream_version, globalPosition: r.p, detail });
    }
    const heads = await this.client.query<{ stream_id: string; version: number | null; last: number | null }>(
      `SELECT coalesce(s.stream_id, e.stream_id) AS stream_id, s.version, e.stream_version AS last
       FROM streams s
       FULL JOIN (SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events ORDER BY stream_id, stream_version DESC) e
         ON e.stream_id = s.stream_id
       WHERE s.stream_id IS NULL OR s.version <> coalesce(e.stream_version, 0) OR s.last_hash <> coalesce(e.hash, '')
       ORDER BY 1 LIMIT ${MAX_LISTED}`,
    );
    for (const r of heads.rows) {
      this.problem({ kind: 'stream-head', streamId: r.stream_id,
        detail: r.version === null
          ? `stream ${r.stream_id} has events but no streams row`
          : `stream ${r.stream_id}: the streams table says version ${r.version}, its events end at ${r.last ?? 'nothing'} (or the head hash differs)` });
    }
    return Number((await this.client.query<{ n: string }>('SELECT count(*) AS n FROM streams WHERE version > 0')).rows[0].n);
  }
}
