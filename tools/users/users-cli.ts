import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { AccountAdmin, type AccountChange, randomPassword } from '@idx/access';
import { REFERENCE_UNITS_2024, REFERENCE_UNITS_2025 } from '@idx/domain';
import { migrateDatabase } from '@idx/read-models';
import { Pool } from 'pg';
import { databaseUrl, need, option, runCli, UsageError } from '../cli-support/cli-args';

const USAGE = `usage: npm run users -- <command> [options]     (DATABASE_URL must point at the platform's database)
  create  --username NAME --role ROLE [--unit CODE] [--password-stdin]
          ROLE: national | province | unit | auditor | admin; province and unit accounts need --unit.
          Without --password-stdin a random password is generated and printed once.
  passwd  --username NAME [--password-stdin]     set a new password (signs the account out everywhere)
  disable --username NAME                        refuse its logins and end its sessions
  enable  --username NAME
  list                                           every account: username, role, unit, disabled
  bootstrap-admin --password-file PATH           (npm start) create "admin" once, keep its password in PATH`;

/** The first line of stdin (a password piped in never shows in `ps` or the shell history). */
function passwordFromStdin(): string {
  return readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
}

const REFERENCE_CODES = new Set([...REFERENCE_UNITS_2024, ...REFERENCE_UNITS_2025].map((u) => u.code));

/** A unit the platform has seen (read models) or the reference data names. */
function unitExists(pool: Pool): (code: string) => Promise<boolean> {
  return async (code) => REFERENCE_CODES.has(code) || (await pool.query("SELECT 1 FROM subject_facts WHERE kind = 'unit' AND key = $1", [code])).rowCount === 1;
}

function done(change: AccountChange, message: string): number {
  if (!change.ok) {
    console.error(`refused: ${change.reason}`);
    return 1;
  }
  console.log(message);
  return 0;
}

/** `npm start`: an admin account the first time, its password kept (mode 600) and printed each start. */
async function bootstrapAdmin(admin: AccountAdmin, passwordFile: string): Promise<number> {
  const existing = (await admin.list()).find((a) => a.username === 'admin');
  if (existing) {
    const stored = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
    console.log(stored ? `admin / ${stored}` : `admin exists (its password is not in ${passwordFile}; set one with: npm run users -- passwd --username admin)`);
    return 0;
  }
  const password = randomPassword();
  const change = await admin.create({ username: 'admin', role: 'admin', password });
  if (!change.ok) return done(change, '');
  mkdirSync(dirname(passwordFile), { recursive: true });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  console.log(`admin / ${password}`);
  return 0;
}

async function main(command: string, args: readonly string[]): Promise<number> {
  const url = databaseUrl();
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    await migrateDatabase(pool);
    const actor = command === 'bootstrap-admin' ? 'npm-start' : `cli:${userInfo().username}`;
    const admin = new AccountAdmin(pool, actor, unitExists(pool));
    const generated = (): { password: string; shown: boolean } =>
      args.includes('--password-stdin') ? { password: passwordFromStdin(), shown: false } : { password: randomPassword(), shown: true };
    switch (command) {
      case 'create': {
        const username = need(args, 'username');
        const { password, shown } = generated();
        const change = await admin.create({ username, role: need(args, 'role'), unitCode: option(args, 'unit'), password });
        return done(change, shown ? `created ${username}; password: ${password}` : `created ${username}`);
      }
      case 'passwd': {
        const username = need(args, 'username');
        const { password, shown } = generated();
        return done(await admin.changePassword(username, password), shown ? `new password of ${username}: ${password}` : `password of ${username} changed`);
      }
      case 'disable':
        return done(await admin.setDisabled(need(args, 'username'), true), 'disabled');
      case 'enable':
        return done(await admin.setDisabled(need(args, 'username'), false), 'enabled');
      case 'list': {
        const rows = (await admin.list()).map((a) => ({ username: a.username, role: a.role, unit: a.unitCode ?? '', disabled: a.disabled, created: a.createdAt.toISOString() }));
        console.table(rows);
        return 0;
      }
      case 'bootstrap-admin':
        return await bootstrapAdmin(admin, need(args, 'password-file'));
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await pool.end();
  }
}

runCli('users', USAGE, main, (error) => error instanceof Error);
