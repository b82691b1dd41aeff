import type { SqlTx } from './sql-transaction';
import type { ScoreChange } from './recompute-score';

export const SCORE_CHANGED_CHANNEL = 'score_changed';
const MAX_PAYLOAD = 7000; // PostgreSQL caps a NOTIFY payload at 8000 bytes

/** The changes as NOTIFY payloads: JSON arrays of at most MAX_PAYLOAD bytes each. */
export function scoreChangePayloads(changes: readonly ScoreChange[]): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = 2;
  for (const change of changes) {
    const text = JSON.stringify(change);
    if (chunk.length > 0 && size + text.length + 1 > MAX_PAYLOAD) {
      payloads.push(`[${chunk.join(',')}]`);
      chunk = [];
      size = 2;
    }
    chunk.push(text);
    size += text.length + 1;
  }
  if (chunk.length > 0) payloads.push(`[${chunk.join(',')}]`);
  return payloads;
}

/** The statement part that sends payloads given as a text[] parameter (one round trip for any number of them). */
export const notifyPayloadsSql = (param: string): string => `SELECT count(pg_notify('${SCORE_CHANGED_CHANNEL}', p)) FROM unnest(${param}::text[]) AS p`;

/** Tells listeners (the reporting service) which unit-periods moved; delivered when the transaction commits. */
export async function notifyScoreChanges(tx: SqlTx, changes: readonly ScoreChange[]): Promise<void> {
  const payloads = scoreChangePayloads(changes);
  if (payloads.length > 0) await tx.$queryRawUnsafe(notifyPayloadsSql('$1'), payloads);
}

/**
 * Moves the projection's checkpoint and sends the batch's notifications in one statement (the
 * batch's last round trip before its commit): both take effect only when the transaction commits.
 */
export async function saveCheckpointAndNotify(
  tx: SqlTx, name: string, checkpoint: { transactionId: bigint; position: bigint }, changes: readonly ScoreChange[],
): Promise<void> {
  await tx.$queryRawUnsafe(
    `WITH saved AS (
       INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at) VALUES ($1, $2::bigint, $3::bigint, now())
       ON CONFLICT (name) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = excluded.updated_at
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM saved)::int AS saved, (${notifyPayloadsSql('$4')})::int AS notified`,
    name, checkpoint.transactionId.toString(), checkpoint.position.toString(), scoreChangePayloads(changes),
  );
}
