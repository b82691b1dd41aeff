import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { boundedText, code, isoInstant, ratingLevel, workingDays } from './primitives';

const petitionEnvelope = envelopeBase.extend({ petitionCode: code });
const deadline = { dueAt: isoInstant.optional(), dueInWorkingDays: workingDays.optional() };

export const petitionReceivedV1 = petitionEnvelope.extend({
  type: z.literal('petition.received'),
  data: z
    .object({ ...deadline, withinCompetence: z.boolean({ message: 'must be true or false' }).optional(), topic: boundedText(500).optional() })
    .default({}),
});
export const petitionAnsweredV1 = petitionEnvelope.extend({
  type: z.literal('petition.answered'),
  data: z.object({}).default({}),
});
export const petitionRatedV1 = petitionEnvelope.extend({
  type: z.literal('petition.rated'),
  data: z.object({ level: ratingLevel }),
});
export const petitionReopenedV1 = petitionEnvelope.extend({
  type: z.literal('petition.reopened'),
  data: z.object(deadline).default({}),
});
/** Lives in the dossier's stream: it needs both codes. */
export const petitionLinkedToDossierV1 = envelopeBase.extend({
  type: z.literal('petition.linked-to-dossier'),
  dossierCode: code,
  petitionCode: code,
  data: z.object({ petitionUnitCode: code.optional() }).default({}),
});
