import type { Pool } from 'pg';

export interface DeadLetter {
  readonly source: string;
  readonly eventId?: string;
  readonly reason: string;
  readonly raw: Buffer;
}

/** Stored reasons are cut here: enough for every field's reason, bounded whatever a sender provokes. */
export const MAX_STORED_REASON_CHARS = 4000;
const MAX_STORED_EVENT_ID_CHARS = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL can store: NUL written as \u0000, a lone surrogate as U+FFFD. */
function storable(text: string): string {
  return text.replaceAll('\u0000', '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}

function cut(reason: string): string {
  if (reason.length <= MAX_STORED_REASON_CHARS) return reason;
  let end = MAX_STORED_REASON_CHARS;
  if ((reason.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1; // never split a surrogate pair
  return `${reason.slice(0, end)}… (cut; ${reason.length} characters in all)`;
}

/** The letter as stored: every text storable, the reason bounded, an id kept only when it can be one. */
function stored(l: DeadLetter): DeadLetter {
  const eventId = l.eventId !== undefined && l.eventId.length <= MAX_STORED_EVENT_ID_CHARS && storable(l.eventId) === l.eventId ? l.eventId : undefined;
  return { source: storable(l.source), eventId, reason: cut(storable(l.reason)), raw: l.raw };
}

/** Keeps what could not be accepted, byte for byte, with the reason a person can act on. */
export class PostgresDeadLetters {
  constructor(private readonly pool: Pool) {}

  /**
   * Keeps each rejection; one already kept (same source, bytes and reason) counts one more occurrence.
   * Any source, reason and bytes can be kept: the same-rejection key is a pair of digests
   * (migration 20261201000100_dead_letter_long_fields), never the texts themselves.
   */
  async keep(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const same = new Map<string, { letter: DeadLetter; times: number }>();
    for (const l of letters.map(stored)) {
      const key = `${l.source}\u0000${l.reason}\u0000${l.raw.toString('base64')}`;
      const seen = same.get(key);
      if (seen) seen.times += 1;
      else same.set(key, { letter: l, times: 1 });
    }
    const rows = [...same.values()];
    await this.pool.query(
      `INSERT INTO dead_letters (source, event_id, reason, raw, raw_sha256, rejection_sha256, occurrences)
       SELECT s, e, r, b, sha256(b), sha256(convert_to(s, 'UTF8') || '\\x00'::bytea || convert_to(r, 'UTF8')), n
       FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::int[]) AS x(s, e, r, b, n)
       ON CONFLICT (raw_sha256, rejection_sha256)
       DO UPDATE SET occurrences = dead_letters.occurrences + excluded.occurrences, last_received_at = now()`,
      [rows.map((r) => r.letter.source), rows.map((r) => r.letter.eventId ?? null), rows.map((r) => r.letter.reason),
        rows.map((r) => r.letter.raw), rows.map((r) => r.times)],
    );
  }
}
