import { createHash } from 'node:crypto';
import type { LogSealDto } from '@idx/contracts';
import type { Pool, PoolClient } from 'pg';
import type { SealSigningKey } from './seal-key';
import { GENESIS_HEAD, SEAL_COLUMNS, type SealRow, signSeal } from './seal-format';
import { readLogId, readSealWitness, writeSealWitness } from './seal-witness';

/** Serialises sealers: several scoring instances may run one each; one seals at a time. */
const SEALER_LOCK = 766_767;

export interface LogSealerOptions {
  /** Where the newest seal is remembered outside the database; none = no truncation check. */
  readonly witnessFile?: string;
  /** At most this many events per seal, so one seal's transaction stays short. */
  readonly maxEventsPerSeal?: number;
  readonly batchSize?: number;
  readonly clock?: () => number;
}

/** The seal table no longer holds the seal this sealer last wrote: it was truncated or rewritten. */
export class LogSealsTamperedError extends Error {}

/**
 * Seals what was committed since the last seal: folds the stored hashes of the events in the
 * gap-free global order (only transactions below the oldest one still running, as readers do) into
 * the next head, signs it and stores it. Refuses to seal on top of a seal table that lost the seal
 * its witness file remembers: sealing on would bless the truncation.
 */
export class LogSealer {
  private readonly maxEvents: number;
  private readonly batchSize: number;
  private readonly clock: () => number;

  constructor(private readonly pool: Pool, private readonly key: SealSigningKey, private readonly options: LogSealerOptions = {}) {
    this.maxEvents = options.maxEventsPerSeal ?? 200_000;
    this.batchSize = options.batchSize ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Seals until nothing is left; answers the seals written. */
  async sealAll(): Promise<LogSealDto[]> {
    const out: LogSealDto[] = [];
    for (let seal = await this.sealNext(); seal; seal = await this.sealNext()) out.push(seal);
    return out;
  }

  /** One seal over at most maxEventsPerSeal events; null when nothing is new or another sealer is at work. */
  async sealNext(): Promise<LogSealDto | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEALER_LOCK]);
      if (!locked.rows[0].ok) {
        await client.query('COMMIT');
        return null;
      }
      const logId = await readLogId((sql) => client.query(sql));
      const seal = await this.sealInTransaction(client, logId);
      await client.query('COMMIT');
      if (seal && this.options.witnessFile) {
        writeSealWitness(this.options.witnessFile, { logId, seq: seal.seq, headHash: seal.headHash, eventCount: seal.eventCount });
      }
      return seal;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async sealInTransaction(client: PoolClient, logId: string): Promise<LogSealDto | null> {
    const last = (await client.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals ORDER BY log_seals.seq DESC LIMIT 1`)).rows[0];
    await this.checkWitness(client, logId, last);
    const bound = (await client.query<{ x: string }>('SELECT events_read_horizon()::text AS x')).rows[0].x;
    const hasher = createHash('sha256').update(last?.head_hash ?? GENESIS_HEAD);
    let after: [string, string] = [last?.up_to_transaction_id ?? '0', last?.up_to_position ?? '0'];
    let count = 0;
    while (count < this.maxEvents) {
      // ORDER BY names qualified: bare, they would sort the text casts of the select list.
      const page = await client.query<[string, string, string]>({
        text: `SELECT hash, transaction_id::text, global_position::text FROM events
               WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND transaction_id < $3::text::xid8
               ORDER BY events.transaction_id, events.global_position LIMIT $4`,
        values: [after[0], after[1], bound, Math.min(this.batchSize, this.maxEvents - count)],
        rowMode: 'array',
      });
      const rows = page.rows;
      for (const [hash] of rows) hasher.update(hash);
      count += rows.length;
      if (rows.length > 0) after = [rows[rows.length - 1][1], rows[rows.length - 1][2]];
      if (rows.length < this.batchSize) break;
    }
    if (count === 0) return null;
    const unsigned = {
      seq: String(BigInt(last?.seq ?? '0') + 1n), upToTransactionId: after[0], upToPosition: after[1],
      eventCount: String(BigInt(last?.event_count ?? '0') + BigInt(count)), headHash: hasher.digest('hex'),
      sealedAt: new Date(this.clock()).toISOString(), keyId: this.key.keyId,
    };
    const seal: LogSealDto = { ...unsigned, signature: signSeal(unsigned, this.key.privateKey) };
    await client.query(
      `INSERT INTO log_seals (seq, up_to_transaction_id, up_to_position, event_count, head_hash, sealed_at, key_id, signature)
       VALUES ($1, $2::text::xid8, $3, $4, $5, $6, $7, $8)`,
      [seal.seq, seal.upToTransactionId, seal.upToPosition, seal.eventCount, seal.headHash, seal.sealedAt, seal.keyId, seal.signature],
    );
    return seal;
  }

  /** A witness of another log (a database reset, another test database) is replaced, not a reason to stop. */
  private async checkWitness(client: PoolClient, logId: string, last: SealRow | undefined): Promise<void> {
    const file = this.options.witnessFile;
    const witness = file ? readSealWitness(file) : undefined;
    if (!witness || witness.logId !== logId) return;
    const held = (await client.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals WHERE seq = $1`, [witness.seq])).rows[0];
    if (!held || held.head_hash !== witness.headHash || held.event_count !== witness.eventCount) {
      throw new LogSealsTamperedError(
        `log seal ${witness.seq} remembered in ${file} is ${held ? 'different' : 'missing'} in the database ` +
        `(newest seal there: ${last ? last.seq : 'none'}): the log or its seals were truncated or rewritten. ` +
        'Sealing stops; run `npm run audit -- verify-log`. If the database was reset on purpose, move the witness file away.',
      );
    }
  }
}
