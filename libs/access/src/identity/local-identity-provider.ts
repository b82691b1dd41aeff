import type { Pool } from 'pg';
import { AccountStore } from '../accounts/account-store';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../passwords/password-hash';
import type { Authentication, Credentials, IdentityProvider } from './identity-provider';

const WRONG = 'wrong username or password';

/** Local accounts (console_users): scrypt hashes, the same time spent for unknown usernames. */
export class LocalIdentityProvider implements IdentityProvider {
  readonly name = 'local';
  private readonly accounts: AccountStore;

  constructor(pool: Pool) {
    this.accounts = new AccountStore(pool);
  }

  async authenticate(credentials: Credentials): Promise<Authentication> {
    if (credentials.kind !== 'password') return { ok: false, reason: 'this server signs in with a username and password' };
    if (credentials.password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: WRONG };
    const account = await this.accounts.find(credentials.username);
    const valid = await verifyPassword(credentials.password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !account.passwordHash || !valid) return { ok: false, reason: WRONG };
    if (account.disabled) return { ok: false, reason: 'this account is disabled; ask an administrator' };
    return { ok: true, principal: { username: account.username, role: account.role, unitCode: account.unitCode } };
  }
}
