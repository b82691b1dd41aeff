import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { amountVnd, boundedText, channel, code, freeText, isoInstant, positiveCount, ratingLevel } from './primitives';

const dossierEnvelope = envelopeBase.extend({ dossierCode: code });
const empty = z.object({}).default({});

export const dossierSubmittedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.submitted'),
  data: z.object({ procedureCode: code, channel }),
});
export const dossierReceivedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.received'),
  data: z.object({ procedureCode: code, channel, dueAt: isoInstant }),
});
export const dossierRefusedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.refused'),
  data: z.object({ reason: freeText.optional() }).default({}),
});
export const dossierProcessingStepV1 = dossierEnvelope.extend({
  type: z.literal('dossier.processing-step'),
  data: z
    .object({ step: boundedText(300).optional(), handlerName: boundedText(300).optional(), handlerTitle: boundedText(300).optional() })
    .default({}),
});
export const dossierSupplementRequestedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.supplement-requested'),
  data: z.object({ reason: freeText.optional() }).default({}),
});
export const dossierSupplementSuppliedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.supplement-supplied'),
  data: z.object({ newDueAt: isoInstant.optional() }).default({}),
});
/** Version 2: the revised deadline as one object (due time + the extension in working days). */
export const dossierSupplementSuppliedV2 = dossierEnvelope.extend({
  type: z.literal('dossier.supplement-supplied'),
  data: z
    .object({
      revisedDeadline: z
        .object({ dueAt: isoInstant, extendedByWorkingDays: z.number().int().min(0).max(365).optional() })
        .optional(),
    })
    .default({}),
});
const feeLine = z.object({
  kind: z.enum(['fee', 'charge', 'tax', 'other'], { message: 'must be fee, charge, tax or other' }),
  amount: amountVnd,
  description: boundedText(500).optional(),
});
export const dossierFinancialObligationV1 = dossierEnvelope.extend({
  type: z.literal('dossier.financial-obligation'),
  data: z.object({
    obligationId: code.optional(),
    lines: z.array(feeLine, { message: 'must be a list of fee lines' }).min(1, { message: 'must hold at least one fee line' }),
  }),
});
export const dossierFeePaidV1 = dossierEnvelope.extend({
  type: z.literal('dossier.fee-paid'),
  data: z.object({
    method: z.enum(['national-portal', 'local-gateway', 'offline'], { message: 'must be national-portal, local-gateway or offline' }),
    amount: amountVnd.optional(),
    obligationId: code.optional(),
    transactionRef: boundedText(200).optional(),
  }),
});
export const dossierWithdrawnV1 = dossierEnvelope.extend({
  type: z.literal('dossier.withdrawn'),
  data: z.object({ reason: freeText.optional() }).default({}),
});
export const dossierStoppedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.stopped'),
  data: z.object({ reason: freeText.optional() }).default({}),
});
export const dossierProcessedV1 = dossierEnvelope.extend({ type: z.literal('dossier.processed'), data: empty });
export const dossierResultReturnedV1 = dossierEnvelope.extend({ type: z.literal('dossier.result-returned'), data: empty });
export const dossierComponentsDigitisedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.components-digitised'),
  data: z.object({ components: positiveCount.optional() }).default({}),
});
export const dossierComponentsReusedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.components-reused'),
  data: z.object({ components: positiveCount.optional() }).default({}),
});
export const dossierCitizenStoreLinkedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.citizen-store-linked'),
  data: z.object({
    direction: z.enum(['taken-from', 'pushed-to'], { message: 'must be taken-from or pushed-to (the citizen data store)' }),
    components: positiveCount.optional(),
  }),
});
export const dossierEResultIssuedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.e-result-issued'),
  data: z.object({ resultCode: code.optional() }).default({}),
});
export const dossierPopulationDataUsedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.population-data-used'),
  data: z.object({ source: z.enum(['population-db', 'vneid'], { message: 'must be population-db or vneid' }) }),
});
export const dossierSyncedV1 = dossierEnvelope.extend({ type: z.literal('dossier.synced'), data: empty });
export const dossierRatedV1 = dossierEnvelope.extend({
  type: z.literal('dossier.rated'),
  data: z.object({ level: ratingLevel }),
});
