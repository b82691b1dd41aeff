import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The newest seal of one log (log_identity.log_id) as the sealer last wrote it, kept outside the database. */
export interface SealWitness {
  readonly logId: string;
  readonly seq: string;
  readonly headHash: string;
  readonly eventCount: string;
}

export function readSealWitness(file: string): SealWitness | undefined {
  if (!existsSync(file)) return undefined;
  const w = JSON.parse(readFileSync(file, 'utf8')) as Partial<SealWitness>;
  if (typeof w.logId !== 'string' || typeof w.seq !== 'string' || typeof w.headHash !== 'string' || typeof w.eventCount !== 'string') {
    throw new Error(`${file} is not a log seal witness ({ logId, seq, headHash, eventCount })`);
  }
  return { logId: w.logId, seq: w.seq, headHash: w.headHash, eventCount: w.eventCount };
}

/** Written to a temporary file and renamed over, so a crash never leaves half a witness. */
export function writeSealWitness(file: string, witness: SealWitness): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(witness)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** The log's identity, as the witness names it. */
export async function readLogId(query: (sql: string) => Promise<{ rows: { log_id: string }[] }>): Promise<string> {
  const row = (await query('SELECT log_id::text AS log_id FROM log_identity ORDER BY created_at LIMIT 1')).rows[0];
  if (!row) throw new Error('log_identity is empty: the event store migrations were not applied, or the row was deleted');
  return row.log_id;
}
