import type { Pool } from 'pg';
import type { AccessSettings } from './access-settings';
import { AuditLog, auditText } from './audit-log/audit-log';
import type { IdentityProvider } from './identity/identity-provider';
import { LocalIdentityProvider } from './identity/local-identity-provider';
import { usernameProblem } from './principal';
import type { Principal } from './principal';
import { LoginThrottle } from './sessions/login-throttle';
import { type ActiveSession, type NewSession, SessionStore } from './sessions/session-store';

export type LoginOutcome =
  | { readonly kind: 'signed-in'; readonly principal: Principal; readonly session: NewSession }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'throttled'; readonly reason: string; readonly retryAfterMs: number };

export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  /** The client's address as the server sees it (behind a proxy: as its trust settings say). */
  readonly ip: string;
}

/**
 * Console sign-in: throttle, identity provider, session, audit log — one place, so every way in
 * (HTTP today, any other front later) is recorded and limited the same way.
 */
export class ConsoleAccess {
  readonly sessions: SessionStore;
  readonly audit: AuditLog;
  private readonly throttle: LoginThrottle;

  constructor(pool: Pool, readonly settings: AccessSettings, private readonly identity: IdentityProvider = new LocalIdentityProvider(pool)) {
    this.sessions = new SessionStore(pool, { idleMs: settings.sessionIdleMs, maxMs: settings.sessionMaxMs });
    this.audit = new AuditLog(pool);
    this.throttle = new LoginThrottle(pool, { maxFailures: settings.loginMaxFailures, backoffMs: settings.loginBackoffMs });
  }

  async login(attempt: LoginAttempt): Promise<LoginOutcome> {
    const username = attempt.username.trim().toLowerCase();
    const ip = auditText(attempt.ip, 64);
    const target = auditText(username, 64);
    if (usernameProblem(username) !== undefined) {
      // No account can have this name: a failure like any other, without touching the accounts.
      await this.audit.record({ actor: target, action: 'login.failed', target, details: { ip, reason: 'malformed username' } });
      return { kind: 'refused', reason: 'wrong username or password' };
    }
    const verdict = await this.throttle.check(username, ip);
    if (verdict.throttled) {
      const minutes = Math.ceil(verdict.retryAfterMs / 60_000);
      await this.audit.record({ actor: username, action: 'login.throttled', target: username, details: { ip } });
      return { kind: 'throttled', retryAfterMs: verdict.retryAfterMs, reason: `too many failed logins for ${username} from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}` };
    }
    const result = await this.identity.authenticate({ kind: 'password', username, password: attempt.password });
    if (!result.ok) {
      await this.audit.record({ actor: username, action: 'login.failed', target: username, details: { ip, reason: result.reason, provider: this.identity.name } });
      return { kind: 'refused', reason: result.reason };
    }
    const session = await this.sessions.open(result.principal.username, ip);
    await this.audit.record({ actor: username, action: 'login.succeeded', target: username, details: { ip, provider: this.identity.name } });
    return { kind: 'signed-in', principal: result.principal, session };
  }

  resolve(sessionId: string | undefined): Promise<ActiveSession | undefined> {
    return this.sessions.resolve(sessionId);
  }

  async logout(sessionId: string | undefined, ip: string): Promise<void> {
    const username = await this.sessions.close(sessionId);
    if (username) await this.audit.record({ actor: username, action: 'logout', target: username, details: { ip: auditText(ip, 64) } });
  }
}
