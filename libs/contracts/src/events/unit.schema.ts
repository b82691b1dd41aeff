import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { boundedText, code, localDate, positiveCount } from './primitives';

/** A national identifier code: a mã định danh such as 000.00.12.H31 or H44, or a GSO code such as 00070. */
const nationalCode = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(40, { message: 'must be at most 40 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9.]*$/, { message: 'may hold letters, digits and dots only, e.g. 000.00.12.H31, H44 or 00070' });
const nationalCodes = z.array(nationalCode).min(1, { message: 'must name at least one code' }).max(10, { message: 'must hold at most 10 codes' });

export const unitRegisteredV1 = envelopeBase.extend({
  type: z.literal('unit.registered'),
  data: z.object({
    name: boundedText(300).min(1, { message: 'must not be empty' }),
    level: z.enum(['province', 'department', 'district', 'commune'], { message: 'must be province, department, district or commune' }),
    parentCode: code.optional(),
    effectiveFrom: localDate.optional(),
    nationalCodes: nationalCodes.optional(),
  }),
});
export const unitNationalCodesSetV1 = envelopeBase.extend({
  type: z.literal('unit.national-codes-set'),
  data: z.object({ nationalCodes }),
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
