import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { hashApiKey } from '../auth/api-key';
import { writeAudit } from '../auth/audit-log';
import type { PostgresCredentials } from '../auth/postgres-credentials';
import type { Authentication, Writer } from '../auth/writer';

const TOKEN_PREFIX = 'pss_';
export const DEFAULT_PORTAL_SESSION_SECONDS = 3600;

export type PortalLogin = { readonly ok: true; readonly session: string; readonly expiresAt: Date; readonly writer: Writer } | { readonly ok: false; readonly reason: string };

const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

const BAD_LOGIN = 'username or password is wrong: the username is the source-system name of your writer credential (or its id), the password its API key';

/**
 * The login step portal clients perform (`{username, password}` → `{session}`), over the writer
 * credentials: the password is the one-stop system's API key, the username its source-system
 * name (or credential id). A session lives `ttlSeconds` and dies with the key it was opened with.
 */
export class PostgresPortalSessions {
  constructor(private readonly pool: Pool, private readonly credentials: PostgresCredentials, private readonly ttlSeconds = DEFAULT_PORTAL_SESSION_SECONDS) {}

  async login(username: unknown, password: unknown): Promise<PortalLogin> {
    if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
      return { ok: false, reason: 'username and password are required (text): your source-system name and API key' };
    }
    const auth = await this.credentials.verify(password);
    if (!auth.ok) return { ok: false, reason: BAD_LOGIN };
    const writer = auth.writer;
    if (username.trim() !== writer.sourceSystem && username.trim() !== writer.credentialId) return { ok: false, reason: BAD_LOGIN };
    const session = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.pool.query<{ expires_at: Date }>(
      `INSERT INTO portal_sessions (token_hash, credential_id, key_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4::int)) RETURNING expires_at`,
      [tokenHash(session), writer.credentialId, hashApiKey(password), this.ttlSeconds],
    );
    await writeAudit(this.pool, { actor: writer.credentialId, action: 'portal.login', target: writer.credentialId, details: { sourceSystem: writer.sourceSystem } });
    // Expired sessions are cleared as new ones open: the table stays the size of the live ones.
    await this.pool.query('DELETE FROM portal_sessions WHERE expires_at < now() - interval \'1 day\'');
    return { ok: true, session, expiresAt: row.rows[0].expires_at, writer };
  }

  /**
   * The writer of a session token; or, for a client that skips the login, of an API key. Refused
   * when expired, revoked, or opened with a key since rotated out.
   */
  async authenticate(token: string | undefined): Promise<Authentication> {
    if (token === undefined || token === '') {
      return { ok: false, reason: 'no session: log in at POST /api/v1/portal/login and send the session in the body ("session") or as "Authorization: Bearer <session>"' };
    }
    if (!token.startsWith(TOKEN_PREFIX)) return this.credentials.verify(token);
    const r = await this.pool.query<{ id: string; source_system: string; units: string[]; manage_units: boolean }>(
      `SELECT c.id, c.source_system, c.units, c.manage_units
         FROM portal_sessions s JOIN writer_credentials c ON c.id = s.credential_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND c.revoked_at IS NULL
          AND (c.key_hash = s.key_hash OR (c.previous_key_hash = s.key_hash AND c.previous_valid_until > now()))`,
      [tokenHash(token)],
    );
    const row = r.rows[0];
    if (!row) return { ok: false, reason: 'the session is unknown or expired (or its key was rotated or revoked): log in again at POST /api/v1/portal/login' };
    return { ok: true, writer: { credentialId: row.id, sourceSystem: row.source_system, units: row.units, manageUnits: row.manage_units } };
  }
}
