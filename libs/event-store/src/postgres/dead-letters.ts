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

  /** Keeps each rejection; one already kept (same source, bytes and reason) counts one more occurrence. */
  async keep(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const same = new Map<string, { letter: DeadLetter; times: number }>();
    for (const l of letters) {
      const key = `${l.source}\u0000${l.reason}\u0000${l.raw.toString('base64')}`;
      const seen = same.get(key);
      if (seen) seen.times += 1;
      else same.set(key, { letter: l, times: 1 });
    }
    const rows = [...same.values()];
    await this.pool.query(
      `INSERT INTO dead_letters (source, event_id, reason, raw, raw_sha256, occurrences)
       SELECT s, e, r, b, sha256(b), n FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::int[]) AS x(s, e, r, b, n)
       ON CONFLICT (source, raw_sha256, reason)
       DO UPDATE SET occurrences = dead_letters.occurrences + excluded.occurrences, last_received_at = now()`,
      [rows.map((r) => r.letter.source), rows.map((r) => r.letter.eventId ?? null), rows.map((r) => r.letter.reason),
        rows.map((r) => r.letter.raw), rows.map((r) => r.times)],
    );
  }
}
