import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The newest seal as the sealer last wrote it, kept outside the database. */
export interface SealWitness {
  readonly seq: string;
  readonly headHash: string;
  readonly eventCount: string;
}

export function readSealWitness(file: string): SealWitness | undefined {
  if (!existsSync(file)) return undefined;
  const w = JSON.parse(readFileSync(file, 'utf8')) as Partial<SealWitness>;
  if (typeof w.seq !== 'string' || typeof w.headHash !== 'string' || typeof w.eventCount !== 'string') {
    throw new Error(`${file} is not a log seal witness ({ seq, headHash, eventCount })`);
  }
  return { seq: w.seq, headHash: w.headHash, eventCount: w.eventCount };
}

/** Written to a temporary file and renamed over, so a crash never leaves half a witness. */
export function writeSealWitness(file: string, witness: SealWitness): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(witness)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
