import type { PoolClient } from 'pg';
import { copyIn, copyLines } from '@idx/event-store';
import { createBareLike } from './copy-rows';
import type { SpilledSubject } from './rebuild-state';
import type { SubjectRecord } from './running-tallies';

/** The table a rebuild writes its subjects into, swapped in for subject_facts at the end. */
export const NEXT_SUBJECTS = 'subject_facts_next';

const COLUMNS = `${NEXT_SUBJECTS} (kind, key, unit_code, window_from, window_to, facts, last_position)`;
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Subjects as COPY text lines of the columns above. */
export function subjectLines(subjects: readonly SubjectRecord[]): string {
  return copyLines(subjects.map((s) => [s.kind, s.key, s.unitCode, iso(s.window?.from), iso(s.window?.to), JSON.stringify(s.facts), s.lastPosition]));
}

/**
 * subject_facts_next as a rebuild fills it on one connection: created bare before the fold, spilled
 * subjects written into it while folding (one COPY in flight at a time, the next page folded
 * meanwhile) and taken back out when a later event needs them, so each subject has one row.
 * Taking back needs the primary key, built at the first take-back over the rows written by then; a
 * rebuild that never takes back builds it once at the end with the other indexes (indexLike).
 */
export class SpillTable {
  private keyed = false;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(private readonly client: PoolClient) {}

  /** A fresh, bare table (one a failed rebuild left is dropped). */
  async create(): Promise<void> {
    await this.client.query(`DROP TABLE IF EXISTS ${NEXT_SUBJECTS}`);
    await createBareLike(this.client, NEXT_SUBJECTS, 'subject_facts');
  }

  /** Spilled subjects on their way to the table: answers once the previous COPY is done and this one is sent. */
  async spill(subjects: readonly SubjectRecord[]): Promise<void> {
    if (subjects.length === 0) return;
    await this.write(subjectLines(subjects));
  }

  /**
   * COPY of these lines, after the one in flight (its failure is thrown here or at `settled`).
   * Answers once the rows are sent, the server parsing them while the caller goes on.
   */
  async write(lines: string): Promise<void> {
    await this.inFlight;
    this.rethrow();
    let sent: () => void = () => undefined;
    const onSent = new Promise<void>((resolve) => { sent = resolve; });
    this.inFlight = copyIn(this.client, COLUMNS, lines, sent).catch((error: unknown) => { this.failure ??= { error }; });
    await Promise.race([onSent, this.inFlight]);
    this.rethrow();
  }

  /** Removes these subjects' rows and answers them (those never spilled have none). */
  async takeBack(keys: readonly { kind: string; key: string }[]): Promise<SpilledSubject[]> {
    if (keys.length === 0) return [];
    await this.settled();
    if (!this.keyed) {
      // Built over the rows written so far at the first take-back (one sort), then kept up row by row.
      await this.client.query(`ALTER TABLE ${NEXT_SUBJECTS} ADD PRIMARY KEY (kind, key)`);
      this.keyed = true;
    }
    const { rows } = await this.client.query<{ kind: string; key: string; facts: unknown; last_position: string }>(
      `DELETE FROM ${NEXT_SUBJECTS} s USING unnest($1::text[], $2::text[]) AS k(kind, key) WHERE s.kind = k.kind AND s.key = k.key
       RETURNING s.kind, s.key, s.facts, s.last_position::text`,
      [keys.map((k) => k.kind), keys.map((k) => k.key)],
    );
    return rows.map((r) => ({ kind: r.kind, key: r.key, facts: r.facts, lastPosition: BigInt(r.last_position) }));
  }

  /** Waits for the COPY in flight; throws the first write that failed. */
  async settled(): Promise<void> {
    await this.inFlight;
    this.rethrow();
  }

  /**
   * The written dossiers and petitions of these units that can overlap [from, to) (a superset: the
   * caller decides with the facts), page by page in key order.
   */
  async *talliedOverlapping(unitCodes: readonly string[], from: number, to: number, pageSize = 2000): AsyncGenerator<SpilledSubject[]> {
    await this.settled();
    let after: { kind: string; key: string } = { kind: '', key: '' };
    for (;;) {
      const { rows } = await this.client.query<{ kind: string; key: string; facts: unknown; last_position: string }>(
        `SELECT kind, key, facts, last_position::text FROM ${NEXT_SUBJECTS}
         WHERE unit_code = ANY($1::text[]) AND kind IN ('dossier', 'petition') AND window_from < $3::timestamptz
           AND (window_to IS NULL OR window_to >= $2::timestamptz) AND (kind, key) > ($4, $5)
         ORDER BY kind, key LIMIT ${pageSize}`,
        [unitCodes, new Date(from).toISOString(), new Date(to).toISOString(), after.kind, after.key],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({ kind: r.kind, key: r.key, facts: r.facts, lastPosition: BigInt(r.last_position) }));
      after = rows[rows.length - 1];
    }
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
