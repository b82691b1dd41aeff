import { z } from 'zod';
import { code, isoInstant } from './primitives';

/** Envelope fields shared by every event type (DESIGN.md §2). */
export const envelopeBase = z.object({
  eventId: z.uuid({ message: 'must be a UUID (the idempotency key from the source system)' }),
  type: z.string(),
  schemaVersion: z.number().int(),
  occurredAt: isoInstant,
  sourceSystem: z.string().min(1, { message: 'must name the sending one-stop system' }).max(200),
  unitCode: code,
  dossierCode: code.optional(),
  procedureCode: code.optional(),
  petitionCode: code.optional(),
});
