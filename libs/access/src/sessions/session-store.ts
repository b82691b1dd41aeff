import type { ConsoleRole } from '@idx/contracts';
import type { Pool } from 'pg';
import type { Principal } from '../principal';
import { randomToken, sameToken, tokenHash } from '../tokens';

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  readonly id: string;
  /** The CSRF token bound to this session (cookie qd766_csrf, echoed in x-csrf-token). */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly principal: Principal;
  /** Checks an echoed CSRF token against the one issued with this session. */
  csrfMatches(token: string): boolean;
}

/** Idle activity is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Sessions in PostgreSQL (every reporting instance sees them), with idle and absolute expiry. */
export class SessionStore {
  constructor(private readonly pool: Pool, private readonly limits: { readonly idleMs: number; readonly maxMs: number }) {}

  async open(username: string, ip: string | undefined): Promise<NewSession> {
    const id = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + this.limits.maxMs);
    await this.pool.query('INSERT INTO console_sessions (id_hash, username, csrf_hash, expires_at, ip) VALUES ($1, $2, $3, $4, $5)', [
      tokenHash(id), username, tokenHash(csrfToken), expiresAt, ip ?? null,
    ]);
    // Expired rows of anyone are cleared as new sessions open: the table stays the size of the active set.
    await this.pool.query('DELETE FROM console_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)', [this.limits.idleMs / 1000]);
    return { id, csrfToken, expiresAt };
  }

  /** The live session behind a cookie value, or undefined (unknown, idle too long, past its end, account disabled). */
  async resolve(id: string | undefined): Promise<ActiveSession | undefined> {
    if (!id || id.length > 100) return undefined;
    const hash = tokenHash(id);
    const r = await this.pool.query<{ username: string; role: ConsoleRole; unit_code: string | null; csrf_hash: string; idle_ms: number }>(
      `SELECT u.username, u.role, u.unit_code, s.csrf_hash, (extract(epoch FROM now() - s.last_seen_at) * 1000)::float8 AS idle_ms
         FROM console_sessions s JOIN console_users u USING (username)
        WHERE s.id_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2) AND u.disabled_at IS NULL`,
      [hash, this.limits.idleMs / 1000],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    if (row.idle_ms > TOUCH_EVERY_MS) await this.pool.query('UPDATE console_sessions SET last_seen_at = now() WHERE id_hash = $1', [hash]);
    return {
      principal: { username: row.username, role: row.role, unitCode: row.unit_code },
      csrfMatches: (token) => sameToken(tokenHash(token), row.csrf_hash),
    };
  }

  /** The username whose session ended, if there was one. */
  async close(id: string | undefined): Promise<string | undefined> {
    if (!id || id.length > 100) return undefined;
    const r = await this.pool.query<{ username: string }>('DELETE FROM console_sessions WHERE id_hash = $1 RETURNING username', [tokenHash(id)]);
    return r.rows[0]?.username;
  }
}
