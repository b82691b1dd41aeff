import type { Prisma } from '@idx/read-models';
import type { ScoreChange } from './recompute-score';

export const SCORE_CHANGED_CHANNEL = 'score_changed';
const MAX_PAYLOAD = 7000; // PostgreSQL caps a NOTIFY payload at 8000 bytes

/** Tells listeners (the reporting service) which unit-periods moved; delivered when the transaction commits. */
export async function notifyScoreChanges(tx: Prisma.TransactionClient, changes: readonly ScoreChange[]): Promise<void> {
  let chunk: ScoreChange[] = [];
  let size = 2;
  const flush = async () => {
    if (chunk.length === 0) return;
    await tx.$executeRawUnsafe(`SELECT pg_notify('${SCORE_CHANGED_CHANNEL}', $1)`, JSON.stringify(chunk));
    chunk = [];
    size = 2;
  };
  for (const change of changes) {
    const length = JSON.stringify(change).length + 1;
    if (size + length > MAX_PAYLOAD) await flush();
    chunk.push(change);
    size += length;
  }
  await flush();
}
