/**
 * A signed seal of the whole event log (docs/tamper-evidence.md): every event committed up to
 * (upToTransactionId, upToPosition) in the gap-free global order, folded into headHash.
 */
export interface LogSealDto {
  readonly seq: string;
  readonly upToTransactionId: string;
  readonly upToPosition: string;
  /** Events in the log up to and including this seal (cumulative). */
  readonly eventCount: string;
  /** sha256 hex of (previous seal's headHash ‖ each covered event's hash, in global order). */
  readonly headHash: string;
  readonly sealedAt: string;
  /** First 16 hex digits of sha256 of the public key (SPKI DER) that checks the signature. */
  readonly keyId: string;
  /** Ed25519 signature (base64) of the seal's signed message (docs/tamper-evidence.md). */
  readonly signature: string;
}

/** GET /api/v1/audit/log-seals: the newest seals, newest first, and the key that checks them. */
export interface LogSealsDto {
  /** SPKI PEM of the Ed25519 public key; null when this service has no key file to read. */
  readonly publicKeyPem: string | null;
  readonly keyId: string | null;
  readonly seals: readonly LogSealDto[];
}

export type LogProblemKind =
  | 'event-content' | 'stream-link' | 'stream-head' | 'seal-head' | 'seal-count' | 'seal-signature' | 'seal-key'
  | 'seal-sequence' | 'seal-missing';

export interface LogProblemDto {
  readonly kind: LogProblemKind;
  readonly detail: string;
  readonly streamId?: string;
  readonly streamVersion?: number;
  readonly globalPosition?: string;
  readonly seq?: string;
}

/** `audit verify-log`: every event's hash recomputed, every stream chain and every seal checked. */
export interface LogVerifyReportDto {
  /** No problem found: nothing in the sealed log was edited, inserted, removed or truncated. */
  readonly intact: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly sealsChecked: number;
  readonly lastSeal: LogSealDto | null;
  /** Events committed after the last seal: not yet covered by a signature. */
  readonly unsealed: number;
  /** The first problems found (at most 100), and how many in all. */
  readonly problems: readonly LogProblemDto[];
  readonly problemCount: number;
  /** What was not checked and why (e.g. a witness file of another database). */
  readonly notes: readonly string[];
  readonly elapsedMs: number;
}
