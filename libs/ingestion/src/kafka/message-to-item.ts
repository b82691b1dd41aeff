import { decodeItem } from '../decode-item';
import type { BatchItem } from '../split-batch';

/**
 * One Kafka message value is one JSON event envelope. It becomes the same item an HTTP batch line
 * becomes (same byte checks: strict UTF-8, size and depth before parsing), so validation,
 * idempotent append and dead-lettering are shared with HTTP.
 */
export function itemOfMessage(value: Buffer | null): BatchItem {
  if (value === null || value.length === 0) {
    return { raw: Buffer.alloc(0), ok: false, reason: 'empty message: the value must be one JSON event envelope' };
  }
  return decodeItem(value);
}
