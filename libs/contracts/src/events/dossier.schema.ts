import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { channel, code, isoInstant } from './primitives';

const dossierEnvelope = envelopeBase.extend({ dossierCode: code });

export const dossierReceivedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.received'),
  data: z.object({ procedureCode: code, channel, dueAt: isoInstant }),
});
export const dossierSupplementRequestedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.supplement-requested'),
  data: z.object({ reason: z.string().max(2000).optional() }).default({}),
});
export const dossierSupplementSuppliedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.supplement-supplied'),
  data: z.object({ newDueAt: isoInstant.optional() }).default({}),
});
export const dossierProcessedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.processed'),
  data: z.object({}).default({}),
});
export const dossierResultReturnedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.result-returned'),
  data: z.object({}).default({}),
});
export const dossierWithdrawnV1 = dossierEnvelope.extend({
  type: z.literal('dossier.withdrawn'),
  data: z.object({ reason: z.string().max(2000).optional() }).default({}),
});
