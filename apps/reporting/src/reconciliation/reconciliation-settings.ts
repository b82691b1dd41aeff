import { PORTAL_EVALUATION_MAX_BYTES } from '@idx/contracts';

/** docs/reconciliation.md, "Environment". */
export interface ReconciliationSettings {
  /** RECONCILIATION_MAX_FILE_BYTES: the largest file an import reads (default 4 MiB, which is also the most an event keeps). */
  readonly maxFileBytes: number;
  /**
   * RECONCILIATION_FETCH_URL: the portal's evaluation endpoint the platform may fetch from
   * (https://dichvucong.gov.vn/jsp/rest.jsp where the network allows); unset (the default) = off.
   */
  readonly fetchUrl: string | undefined;
}

export function reconciliationSettings(env: NodeJS.ProcessEnv = process.env): ReconciliationSettings {
  const raw = Number(env['RECONCILIATION_MAX_FILE_BYTES'] ?? PORTAL_EVALUATION_MAX_BYTES);
  const maxFileBytes = Number.isInteger(raw) && raw > 0 ? Math.min(raw, PORTAL_EVALUATION_MAX_BYTES) : PORTAL_EVALUATION_MAX_BYTES;
  const fetchUrl = env['RECONCILIATION_FETCH_URL']?.trim() || undefined;
  return { maxFileBytes, fetchUrl };
}
