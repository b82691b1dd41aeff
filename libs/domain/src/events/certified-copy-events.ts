import type { EventEnvelope } from './envelope';

/**
 * The unit completed electronic certified copies from originals (chứng thực bản sao điện tử từ bản
 * chính, criterion 15); `occurredAt` is the completion time. It lives in the unit's stream.
 */
export type CertifiedCopyIssued = EventEnvelope<
  'certified-copy.issued',
  { readonly copyCode?: string; readonly dossierCode?: string; readonly count?: number }
>;

export type CertifiedCopyEvent = CertifiedCopyIssued;
