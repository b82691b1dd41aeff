import { BadRequestException } from '@nestjs/common';
import type { ParkingStatus } from '@idx/scoring-projection';

/** A parking id from the path: a positive whole number (a readable 400 otherwise, never a 500). */
export function parkingIdParam(value: string): bigint {
  if (!/^[1-9]\d{0,17}$/.test(value)) throw new BadRequestException({ reason: `id: "${value.slice(0, 40)}" is not a parking id (a positive whole number from GET /api/v1/audit/parked)` });
  return BigInt(value);
}

export function parkingStatusParam(value: string | undefined): ParkingStatus {
  if (value === undefined || value === '' || value === 'parked') return 'parked';
  if (value === 'skipped') return 'skipped';
  throw new BadRequestException({ reason: `status: must be "parked" or "skipped", got "${value.slice(0, 40)}"` });
}

const MAX_REASON = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why an auditor skips: required, printable, bounded — it is the record of the decision. */
export function skipReasonParam(body: unknown): string {
  const reason = typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
  if (typeof reason !== 'string' || reason.trim().length === 0) throw new BadRequestException({ reason: 'reason: is required (why these events are skipped, kept as the record)' });
  if (CONTROL.test(reason) || LONE_SURROGATE.test(reason)) throw new BadRequestException({ reason: 'reason: holds control characters or broken Unicode' });
  if (reason.length > MAX_REASON) throw new BadRequestException({ reason: `reason: longer than ${MAX_REASON} characters` });
  return reason.trim();
}

