/**
 * Answers in the portal's style: `error_code` and `message` at the top, which the portal's clients
 * check ("00"/0 = success, e.g. OpenCPS tests `error_code` equals "00" after DongBoHoSoMC and reads
 * `session` when `error_code` is 0 after login). Codes other than "00" are this platform's own.
 */
export const PORTAL_CODES = {
  OK: '00',
  /** Some dossiers were rejected: the per-dossier results say which and why. */
  PARTIAL: '01',
  /** The body itself could not be read (not JSON, no data list, unknown service). */
  BAD_REQUEST: '02',
  /** No valid session or key. */
  UNAUTHORIZED: '03',
} as const;

export type PortalCode = (typeof PORTAL_CODES)[keyof typeof PORTAL_CODES];

export interface PortalLoginAnswer {
  readonly error_code: PortalCode;
  readonly message: string;
  /** The session token to send with every sync call (body `session` or `Authorization: Bearer`). */
  readonly session?: string;
  /** When the session stops working (ISO instant). */
  readonly expiresAt?: string;
}

export type DerivedEventStatus = 'accepted' | 'duplicate' | 'conflict';

export interface PortalItemResult {
  readonly index: number;
  readonly MaHoSo?: string;
  readonly error_code: PortalCode;
  readonly message: string;
  /** accepted: new events appended; unchanged: the store already knew everything; rejected: see message. */
  readonly status: 'accepted' | 'unchanged' | 'rejected';
  readonly unitCode?: string;
  readonly events?: readonly { readonly eventId: string; readonly type: string; readonly status: DerivedEventStatus; readonly reason?: string }[];
}

export interface PortalSyncAnswer {
  readonly error_code: PortalCode;
  readonly message: string;
  readonly service?: string;
  readonly accepted: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly results: readonly PortalItemResult[];
}

export function summaryMessage(accepted: number, unchanged: number, rejected: number): string {
  const parts = [`${accepted} accepted`, `${unchanged} unchanged`, `${rejected} rejected`];
  return rejected === 0 ? `Thành công (${parts.join(', ')})` : `Một số hồ sơ bị từ chối (${parts.join(', ')}): xem results`;
}
