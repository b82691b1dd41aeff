import type { BatchItem } from '../split-batch';

/**
 * One Kafka message value is one JSON event envelope. It becomes the same item an HTTP batch line
 * becomes, so validation, idempotent append and dead-lettering are shared with HTTP.
 */
export function itemOfMessage(value: Buffer | null): BatchItem {
  if (value === null || value.length === 0) {
    return { raw: Buffer.alloc(0), ok: false, reason: 'empty message: the value must be one JSON event envelope' };
  }
  try {
    return { raw: value, ok: true, value: JSON.parse(value.toString('utf8')) };
  } catch (error) {
    return { raw: value, ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
}
