import type { Pool } from 'pg';

export type ThrottleVerdict = { readonly throttled: false } | { readonly throttled: true; readonly retryAfterMs: number };

/**
 * Failed logins per username and address, counted from the audit log itself (so every reporting
 * instance agrees and a restart forgets nothing): after `maxFailures` failures since the last
 * success within the back-off window, that username from that address waits until the oldest of
 * them leaves the window. Others, and the same user from elsewhere, are not affected.
 */
export class LoginThrottle {
  constructor(private readonly pool: Pool, private readonly limits: { readonly maxFailures: number; readonly backoffMs: number }) {}

  async check(username: string, ip: string): Promise<ThrottleVerdict> {
    const r = await this.pool.query<{ at: Date }>(
      `SELECT f.at FROM audit_log f
        WHERE f.action = 'login.failed' AND f.target = $1 AND f.details->>'ip' = $2
          AND f.at > now() - make_interval(secs => $3)
          AND f.at > coalesce((SELECT max(s.at) FROM audit_log s WHERE s.action = 'login.succeeded' AND s.target = $1 AND s.details->>'ip' = $2), '-infinity')
        ORDER BY f.at DESC LIMIT $4`,
      [username, ip, this.limits.backoffMs / 1000, this.limits.maxFailures],
    );
    if (r.rows.length < this.limits.maxFailures) return { throttled: false };
    const oldest = r.rows[r.rows.length - 1].at.getTime();
    return { throttled: true, retryAfterMs: Math.max(1000, oldest + this.limits.backoffMs - Date.now()) };
  }
}
