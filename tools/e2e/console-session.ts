import { AccountAdmin, CSRF_COOKIE, CSRF_HEADER, randomPassword, SESSION_COOKIE } from '@idx/access';
import type { ConsoleRole } from '@idx/contracts';
import type { Pool } from 'pg';

export interface ConsoleAccount {
  readonly username: string;
  readonly password: string;
}

/** A console account made straight in the database, as `npm run users -- create` does. */
export async function createConsoleAccount(pool: Pool, username: string, role: ConsoleRole, unitCode?: string): Promise<ConsoleAccount> {
  const password = randomPassword();
  const change = await new AccountAdmin(pool, 'cli:e2e', async () => true).create({ username, role, unitCode, password });
  if (!change.ok) throw new Error(`cannot create ${username}: ${change.reason}`);
  return { username, password };
}

/** The cookies a response sets, by name (a deleted cookie maps to ''). */
export function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

/** A browser-like client of the reporting API: keeps the two cookies and echoes the CSRF token. */
export class ConsoleClient {
  private readonly cookies: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  get csrfToken(): string | undefined {
    return this.cookies[CSRF_COOKIE];
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = Object.entries(this.cookies).filter(([, v]) => v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    if (cookie) headers.set('cookie', cookie);
    if (init.method && init.method !== 'GET' && this.csrfToken && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, this.csrfToken);
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    Object.assign(this.cookies, setCookies(res));
    return res;
  }

  /** GET /auth/me (which issues the CSRF cookie), then POST /auth/login; the response of the login. */
  async login(account: ConsoleAccount): Promise<Response> {
    await this.fetch('/api/v1/auth/me');
    return this.fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  }

  get signedIn(): boolean {
    return Boolean(this.cookies[SESSION_COOKIE]);
  }
}

/** A client signed in as `account`; fails loudly when the login is refused. */
export async function signIn(baseUrl: string, account: ConsoleAccount): Promise<ConsoleClient> {
  const client = new ConsoleClient(baseUrl);
  const res = await client.login(account);
  if (res.status !== 200) throw new Error(`login of ${account.username} answered HTTP ${res.status}: ${await res.text()}`);
  return client;
}
