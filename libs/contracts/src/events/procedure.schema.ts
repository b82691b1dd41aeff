import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { boundedText, code, localDate } from './primitives';

const procedureEnvelope = envelopeBase.extend({ procedureCode: code });

const PROCEDURE_PARTS = [
  'name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority', 'result', 'fees', 'forms', 'conditions', 'legal-basis',
] as const;

export const procedureAnnouncedV1 = procedureEnvelope.extend({
  type: z.literal('procedure.announced'),
  data: z.object({
    decisionCode: code,
    decisionDate: localDate,
    legalBasisEffectiveDate: localDate,
    name: boundedText(1000).min(1, { message: 'must not be empty' }).optional(),
    resultIsDocument: z.boolean({ message: 'must be true or false' }).optional(),
  }),
});
export const procedurePublishedV1 = procedureEnvelope.extend({
  type: z.literal('procedure.published'),
  data: z.object({ decisionCode: code.optional() }).default({}),
});
export const procedureContentAssessedV1 = procedureEnvelope.extend({
  type: z.literal('procedure.content-assessed'),
  data: z.object({
    presentParts: z.array(z.enum(PROCEDURE_PARTS, { message: `must be one of ${PROCEDURE_PARTS.join(', ')}` }), {
      message: 'must be a list of the parts the published procedure shows',
    }),
  }),
});
export const procedureOnlineServiceSetV1 = procedureEnvelope.extend({
  type: z.literal('procedure.online-service-set'),
  data: z.object({ level: z.enum(['none', 'partial', 'full'], { message: 'must be none, partial or full' }) }),
});
export const procedureFeeConfiguredV1 = procedureEnvelope.extend({
  type: z.literal('procedure.fee-configured'),
  data: z.object({ feeBearing: z.boolean({ message: 'must be true or false' }) }),
});
export const procedurePaymentIntegratedV1 = procedureEnvelope.extend({
  type: z.literal('procedure.payment-integrated'),
  data: z.object({ integrated: z.boolean({ message: 'must be true or false' }) }),
});
export const procedureAudienceSetV1 = procedureEnvelope.extend({
  type: z.literal('procedure.audience-set'),
  data: z.object({ citizenFacing: z.boolean({ message: 'must be true or false' }) }),
});
export const procedureAbolishedV1 = procedureEnvelope.extend({
  type: z.literal('procedure.abolished'),
  data: z.object({ decisionCode: code.optional() }).default({}),
});
