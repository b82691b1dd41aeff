import type { Pool } from 'pg';

export interface DeadLetter {
  readonly source: string;
  readonly eventId?: string;
  readonly reason: string;
  readonly raw: Buffer;
}

/** Keeps what could not be accepted, byte for byte, with the reason a person can act on. */
export class PostgresDeadLetters {
  constructor(private readonly pool: Pool) {}

  async keep(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.pool.query(
      `INSERT INTO dead_letters (source, event_id, reason, raw)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[])`,
      [letters.map((l) => l.source), letters.map((l) => l.eventId ?? null), letters.map((l) => l.reason), letters.map((l) => l.raw)],
    );
  }

  async count(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters');
    return Number(r.rows[0].n);
  }
}
