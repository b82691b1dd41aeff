import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { code } from './primitives';

export const unitRegisteredV1 = envelopeBase.extend({
  type: z.literal('unit.registered'),
  data: z.object({
    name: z.string().min(1).max(300),
    level: z.enum(['province', 'department', 'district', 'commune']),
    parentCode: code.optional(),
  }),
});
