import type { ConsoleRole } from '@idx/contracts';
import type { Pool } from 'pg';
import type { Principal } from '../principal';

export interface StoredAccount extends Principal {
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  readonly createdAt: Date;
}

interface Row {
  username: string;
  password_hash: string | null;
  role: ConsoleRole;
  unit_code: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

const toAccount = (r: Row): StoredAccount => ({
  username: r.username, role: r.role, unitCode: r.unit_code, passwordHash: r.password_hash, disabled: r.disabled_at !== null, createdAt: r.created_at,
});

/** The console_users table: plain reads and writes, no policy (see AccountAdmin). */
export class AccountStore {
  constructor(private readonly pool: Pool) {}

  async find(username: string): Promise<StoredAccount | undefined> {
    const r = await this.pool.query<Row>('SELECT * FROM console_users WHERE username = $1', [username]);
    return r.rows[0] ? toAccount(r.rows[0]) : undefined;
  }

  async list(): Promise<StoredAccount[]> {
    return (await this.pool.query<Row>('SELECT * FROM console_users ORDER BY username')).rows.map(toAccount);
  }

  /** False when the username is taken. */
  async insert(account: Principal, passwordHash: string | null): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO console_users (username, password_hash, role, unit_code) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING',
      [account.username, passwordHash, account.role, account.unitCode],
    );
    return r.rowCount === 1;
  }

  /** Sets the password and signs the account out everywhere; false when there is no such account. */
  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE console_users SET password_hash = $2, updated_at = now() WHERE username = $1', [username, passwordHash]);
    await this.pool.query('DELETE FROM console_sessions WHERE username = $1', [username]);
    return r.rowCount === 1;
  }

  /** Disables (and signs out) or re-enables; false when there is no such account. */
  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE console_users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now() WHERE username = $1`,
      [username, disabled],
    );
    if (disabled) await this.pool.query('DELETE FROM console_sessions WHERE username = $1', [username]);
    return r.rowCount === 1;
  }
}
