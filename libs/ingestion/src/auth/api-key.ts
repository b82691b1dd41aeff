import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `qd766_<credential id>_<43 chars of base64url = 32 random bytes>`. The id lets
 * the server find the one row to compare with; only the SHA-256 of the whole key is stored, which is
 * enough for 256 bits of randomness (no dictionary to guess from, unlike a password).
 */
const PREFIX = 'qd766_';
const ID_PATTERN = /^[a-z0-9]{4,40}$/;

export function newCredentialId(): string {
  return `w${randomBytes(6).toString('hex')}`;
}

export function newApiKey(credentialId: string): string {
  if (!ID_PATTERN.test(credentialId)) throw new Error(`credential id "${credentialId}" must be 4-40 lowercase letters or digits`);
  return `${PREFIX}${credentialId}_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** The credential id a key names, or undefined when the text is not shaped like one of our keys. */
export function credentialIdOf(key: string): string | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const rest = key.slice(PREFIX.length);
  const cut = rest.indexOf('_');
  if (cut < 0) return undefined;
  const id = rest.slice(0, cut);
  return ID_PATTERN.test(id) && rest.length - cut - 1 >= 43 ? id : undefined;
}

/** Constant-time comparison of a presented key's hash with a stored one. */
export function sameHash(a: Buffer, b: Buffer | null | undefined): boolean {
  return b !== null && b !== undefined && a.length === b.length && timingSafeEqual(a, b);
}

export type BearerParse = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: string };

/** Reads `Bearer <key>` from an Authorization header value (HTTP) or the `authorization` Kafka header. */
export function bearerKey(header: string | undefined): BearerParse {
  if (header === undefined || header.trim() === '') {
    return { ok: false, reason: 'no credential: send the API key of your one-stop system as "Authorization: Bearer <api key>"' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) return { ok: false, reason: 'the Authorization header must be "Bearer <api key>"' };
  return { ok: true, key: match[1] };
}
