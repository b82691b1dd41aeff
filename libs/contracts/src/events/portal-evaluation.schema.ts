import { z } from 'zod';
import { envelopeBase } from './envelope.schema';
import { boundedText, code } from './primitives';

/**
 * The largest portal evaluation file an import keeps (bytes). The whole country's per-unit figures
 * for six groups fit well below it; it bounds the one event that holds a whole file (the other
 * events stay within 64 KiB).
 */
export const PORTAL_EVALUATION_MAX_BYTES = 4 * 1024 * 1024;

/** Period keys the index knows: YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY. */
const periodKey = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, { message: 'must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' });

export const portalEvaluationImportedV1 = envelopeBase.extend({
  type: z.literal('portal.evaluation-imported'),
  data: z.object({
    period: periodKey,
    sourceBase64: z
      .string()
      .min(1, { message: 'must hold the file' })
      .max(Math.ceil(PORTAL_EVALUATION_MAX_BYTES / 3) * 4, { message: `must be at most ${PORTAL_EVALUATION_MAX_BYTES} bytes once decoded` })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
    sourceSha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' }),
    fileName: boundedText(200).optional(),
    importedBy: code,
    fetchedFrom: boundedText(2000).optional(),
  }),
});
