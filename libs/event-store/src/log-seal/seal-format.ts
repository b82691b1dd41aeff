import { sign, verify, type KeyObject } from 'node:crypto';
import type { LogSealDto } from '@idx/contracts';
import { canonicalJson } from '../postgres/canonical-json';

/** The head before the first seal: the fold starts from the empty string, as stream chains do. */
export const GENESIS_HEAD = '';

/**
 * The bytes a seal's signature covers: canonical JSON (keys sorted, no spaces) of its fields,
 * numbers as decimal strings. The previous head is not repeated: headHash already folds it in.
 */
export function sealSignedMessage(seal: Omit<LogSealDto, 'signature'>): Buffer {
  const { seq, upToTransactionId, upToPosition, eventCount, headHash, sealedAt, keyId } = seal;
  return Buffer.from(canonicalJson({ seq, upToTransactionId, upToPosition, eventCount, headHash, sealedAt, keyId }), 'utf8');
}

export function signSeal(seal: Omit<LogSealDto, 'signature'>, privateKey: KeyObject): string {
  return sign(null, sealSignedMessage(seal), privateKey).toString('base64');
}

export function sealSignatureValid(seal: LogSealDto, publicKey: KeyObject): boolean {
  try {
    return verify(null, sealSignedMessage(seal), publicKey, Buffer.from(seal.signature, 'base64'));
  } catch {
    return false;
  }
}

export interface SealRow {
  seq: string;
  up_to_transaction_id: string;
  up_to_position: string;
  event_count: string;
  head_hash: string;
  sealed_at: Date;
  key_id: string;
  signature: string;
}

/** Aliased to text, so sort by log_seals.seq (qualified): the bare alias would sort '10' before '9'. */
export const SEAL_COLUMNS = `seq::text AS seq, up_to_transaction_id::text AS up_to_transaction_id, up_to_position::text AS up_to_position,
  event_count::text AS event_count, head_hash, sealed_at, key_id, signature`;

export function toSealDto(row: SealRow): LogSealDto {
  return {
    seq: row.seq, upToTransactionId: row.up_to_transaction_id, upToPosition: row.up_to_position, eventCount: row.event_count,
    headHash: row.head_hash, sealedAt: row.sealed_at.toISOString(), keyId: row.key_id, signature: row.signature,
  };
}
