import type { LogSealDto, LogSealsDto, LogVerifyReportDto } from '@idx/contracts';
import type { Pool } from 'pg';
import { LogVerifier, type LogVerifyOptions } from './log-verifier';
import { findSealPublicKey, publicKeyPem, type SealKeyFiles, sealKeyFiles, sealKeyId } from './seal-key';
import { SEAL_COLUMNS, type SealRow, toSealDto } from './seal-format';
import { readSealWitness } from './seal-witness';

/** What the readers of the log seals need (reporting API, close, audit CLI): no private key here. */
export class LogAudit {
  constructor(private readonly pool: Pool, private readonly files: SealKeyFiles = sealKeyFiles()) {}

  /** The newest seals, newest first, with the public key that checks them. */
  async latestSeals(limit: number): Promise<LogSealsDto> {
    const rows = await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals ORDER BY log_seals.seq DESC LIMIT $1`, [limit]);
    const key = findSealPublicKey(this.files);
    return { publicKeyPem: key ? publicKeyPem(key) : null, keyId: key ? sealKeyId(key) : null, seals: rows.rows.map(toSealDto) };
  }

  /**
   * The first seal covering every event visible now, waiting up to `timeoutMs` for the sealer to
   * reach them; else the newest seal there is (null when none). For a closed month to record its head.
   */
  async sealCoveringNow(timeoutMs: number): Promise<LogSealDto | null> {
    const head = (await this.pool.query<{ t: string | null; p: string | null }>(
      `SELECT transaction_id::text AS t, global_position::text AS p FROM events ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    )).rows[0];
    const deadline = Date.now() + (head ? timeoutMs : 0);
    for (;;) {
      const covering = (await this.pool.query<SealRow>(
        `SELECT ${SEAL_COLUMNS} FROM log_seals
         WHERE $1::text IS NULL OR (log_seals.up_to_transaction_id, log_seals.up_to_position) >= ($1::text::xid8, $2::bigint)
         ORDER BY log_seals.seq LIMIT 1`, [head?.t ?? null, head?.p ?? '0'],
      )).rows[0];
      if (covering) return toSealDto(covering);
      if (Date.now() >= deadline) {
        const newest = (await this.pool.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM log_seals ORDER BY log_seals.seq DESC LIMIT 1`)).rows[0];
        return newest ? toSealDto(newest) : null;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The whole log's check with the public key and witness file from outside the database. */
  verify(options: Omit<LogVerifyOptions, 'publicKeys' | 'witness'> = {}): Promise<LogVerifyReportDto> {
    const key = findSealPublicKey(this.files);
    return new LogVerifier(this.pool, { ...options, publicKeys: key ? [key] : [], witness: readSealWitness(this.files.witnessFile) }).verify();
  }
}
