/** Console access settings, from the environment (docs/console-accounts.md lists them). */
export interface AccessSettings {
  /** Reads (scores, rankings, exports, the live stream) answer without a session. */
  readonly readsPublic: boolean;
  /** `Secure` on the cookies: always, never, or when the request came over https (`auto`). */
  readonly cookieSecure: 'always' | 'never' | 'auto';
  /** A session ends after this long without a request… */
  readonly sessionIdleMs: number;
  /** …and this long after login, whatever happens. */
  readonly sessionMaxMs: number;
  /** Failed logins of one username from one address before it must wait… */
  readonly loginMaxFailures: number;
  /** …this long (counted from the failures). */
  readonly loginBackoffMs: number;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return fallback;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new Error(`${name}: "${env[name]}" is not true or false`);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: "${raw}" is not a positive number`);
  return n;
}

export function accessSettings(env: NodeJS.ProcessEnv = process.env): AccessSettings {
  const secure = (env['COOKIE_SECURE'] ?? 'auto').trim().toLowerCase();
  const cookieSecure = secure === 'true' || secure === 'always' ? 'always' : secure === 'false' || secure === 'never' ? 'never' : 'auto';
  if (!['true', 'always', 'false', 'never', 'auto'].includes(secure)) throw new Error(`COOKIE_SECURE: "${env['COOKIE_SECURE']}" is not true, false or auto`);
  return {
    readsPublic: flag(env, 'READS_PUBLIC', false),
    cookieSecure,
    sessionIdleMs: positive(env, 'SESSION_IDLE_MINUTES', 30) * 60_000,
    sessionMaxMs: positive(env, 'SESSION_MAX_HOURS', 12) * 3_600_000,
    loginMaxFailures: positive(env, 'LOGIN_MAX_FAILURES', 5),
    loginBackoffMs: positive(env, 'LOGIN_BACKOFF_MINUTES', 15) * 60_000,
  };
}
