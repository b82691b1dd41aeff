import type { DomainEvent } from '@idx/domain';
import type { StoredEvent } from '../port';

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  recorded_at: Date;
  payload: DomainEvent;
  hash: string;
}

export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS transaction_id, stream_id, stream_version, recorded_at, payload, hash';

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    event: row.payload,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id),
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}
