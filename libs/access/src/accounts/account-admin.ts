import type { ConsoleRole } from '@idx/contracts';
import type { Pool } from 'pg';
import { AuditLog } from '../audit-log/audit-log';
import { hashPassword, passwordProblem } from '../passwords/password-hash';
import { isConsoleRole, isScopedRole, usernameProblem } from '../principal';
import { AccountStore, type StoredAccount } from './account-store';

export type AccountChange = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface NewAccount {
  readonly username: string;
  readonly role: string;
  readonly unitCode?: string;
  readonly password: string;
}

/**
 * Creating, changing and disabling accounts, each checked and recorded in the audit log with who
 * did it (the CLI, `npm start`, later an admin page). `unitExists` checks a province/unit account's
 * unit against the unit tree.
 */
export class AccountAdmin {
  private readonly store: AccountStore;
  private readonly audit: AuditLog;

  constructor(pool: Pool, private readonly actor: string, private readonly unitExists: (code: string) => Promise<boolean>) {
    this.store = new AccountStore(pool);
    this.audit = new AuditLog(pool);
  }

  list(): Promise<StoredAccount[]> {
    return this.store.list();
  }

  async create(account: NewAccount): Promise<AccountChange> {
    const problem = usernameProblem(account.username) ?? passwordProblem(account.password) ?? (await this.roleProblem(account.role, account.unitCode));
    if (problem) return { ok: false, reason: problem };
    const role = account.role as ConsoleRole;
    const unitCode = isScopedRole(role) ? (account.unitCode as string) : null;
    if (!(await this.store.insert({ username: account.username, role, unitCode }, await hashPassword(account.password)))) {
      return { ok: false, reason: `username: "${account.username}" is taken` };
    }
    await this.audit.record({ actor: this.actor, action: 'account.created', target: account.username, details: { role, unitCode } });
    return { ok: true };
  }

  async changePassword(username: string, password: string): Promise<AccountChange> {
    const problem = passwordProblem(password);
    if (problem) return { ok: false, reason: problem };
    if (!(await this.store.setPassword(username, await hashPassword(password)))) return { ok: false, reason: `no account "${username}"` };
    await this.audit.record({ actor: this.actor, action: 'account.password-changed', target: username });
    return { ok: true };
  }

  async setDisabled(username: string, disabled: boolean): Promise<AccountChange> {
    if (!(await this.store.setDisabled(username, disabled))) return { ok: false, reason: `no account "${username}"` };
    await this.audit.record({ actor: this.actor, action: disabled ? 'account.disabled' : 'account.enabled', target: username });
    return { ok: true };
  }

  private async roleProblem(role: string, unitCode: string | undefined): Promise<string | undefined> {
    if (!isConsoleRole(role)) return `role: "${role}" is not one of national, province, unit, auditor, admin`;
    if (!isScopedRole(role)) return unitCode ? `unit: a ${role} account reads every unit; leave --unit out` : undefined;
    if (!unitCode) return `unit: a ${role} account needs the unit whose subtree it may read (--unit CODE)`;
    return (await this.unitExists(unitCode)) ? undefined : `unit: "${unitCode}" is not a known unit`;
  }
}
