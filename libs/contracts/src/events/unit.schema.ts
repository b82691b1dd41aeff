import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { boundedText, code, localDate, positiveCount } from './primitives';

export const unitRegisteredV1 = envelopeBase.extend({
  type: z.literal('unit.registered'),
  data: z.object({
    name: boundedText(300).min(1, { message: 'must not be empty' }),
    level: z.enum(['province', 'department', 'district', 'commune'], { message: 'must be province, department, district or commune' }),
    parentCode: code.optional(),
    effectiveFrom: localDate.optional(),
  }),
});
export const unitRenamedV1 = envelopeBase.extend({
  type: z.literal('unit.renamed'),
  data: z.object({ name: boundedText(300).min(1, { message: 'must not be empty' }), effectiveFrom: localDate.optional() }),
});
export const unitMergedV1 = envelopeBase.extend({
  type: z.literal('unit.merged'),
  data: z.object({ successorCode: code, effectiveFrom: localDate }),
});
export const unitDissolvedV1 = envelopeBase.extend({
  type: z.literal('unit.dissolved'),
  data: z.object({ effectiveFrom: localDate, successorCode: code.optional() }),
});
export const unitCertificationCompetenceSetV1 = envelopeBase.extend({
  type: z.literal('unit.certification-competence-set'),
  data: z.object({ competent: z.boolean({ message: 'must be true or false' }), effectiveFrom: localDate.optional() }),
});
export const certifiedCopyIssuedV1 = envelopeBase.extend({
  type: z.literal('certified-copy.issued'),
  data: z.object({ copyCode: code.optional(), dossierCode: code.optional(), count: positiveCount.optional() }).default({}),
});
