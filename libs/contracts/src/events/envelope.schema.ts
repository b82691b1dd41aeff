import { z } from 'zod';
import { boundedText, code, isoInstant } from './primitives';
import { SOURCE_SYSTEM_MAX } from './wire-limits';

/** Envelope fields shared by every event type (DESIGN.md §2). */
export const envelopeBase = z.object({
  eventId: z.uuid({ message: 'must be a UUID (the idempotency key from the source system)' }),
  type: z.string().max(100),
  schemaVersion: z.number().int(),
  occurredAt: isoInstant,
  sourceSystem: boundedText(SOURCE_SYSTEM_MAX).min(1, { message: 'must name the sending one-stop system' }),
  unitCode: code,
  dossierCode: code.optional(),
  procedureCode: code.optional(),
  petitionCode: code.optional(),
});
