import { userInfo } from 'node:os';
import { CredentialError, type CredentialInfo, type IssuedKey, PostgresCredentials } from '@idx/ingestion';
import { migrateDatabase } from '@idx/read-models';
import { Pool } from 'pg';
import { ensureDemoCredentials } from './demo-credentials';
import { databaseUrl, need, option, runCli, UsageError } from '../cli-support/cli-args';

const USAGE = `usage: npm run credentials -- <command> [options]     (DATABASE_URL must point at the platform's database)
  create --source NAME --units CODE[,CODE..] [--manage-units]   a writer credential for one one-stop system; prints its API key once
         (--units * = every unit: the national unit registry; --manage-units = may send unit.registered/renamed/merged/dissolved)
  rotate ID [--grace-seconds N]   a new key; the old one stops at once (default) or after N seconds
  revoke ID                       the credential stops working at once, for good
  list                            every credential (never its key)
  demo --file PATH                npm start: the demo and registry credentials, created once and kept in PATH
options: --by NAME (who, for the audit log; default the OS user), --json (machine-readable output)`;

function positional(args: readonly string[], what: string): string {
  const v = args.find((a, i) => !a.startsWith('--') && (i === 0 || !['--by', '--grace-seconds', '--file'].includes(args[i - 1])));
  if (!v) throw new UsageError(`the credential ${what} is required`);
  return v;
}

function describe(c: CredentialInfo): string {
  const state = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}`
    : c.previousKeyValidUntil ? `active (previous key valid until ${c.previousKeyValidUntil.toISOString()})` : 'active';
  return `${c.id}  source=${c.sourceSystem}  units=${c.units.join(',')}${c.manageUnits ? '  manage-units' : ''}  ${state}  created ${c.createdAt.toISOString()} by ${c.createdBy}`;
}

function printIssued(issued: IssuedKey, json: boolean): void {
  if (json) return console.log(JSON.stringify({ ...issued.credential, apiKey: issued.apiKey }, null, 2));
  console.log(describe(issued.credential));
  console.log(`\nAPI key (shown once, store it in the one-stop system; send it as "Authorization: Bearer <key>"):\n${issued.apiKey}`);
}

async function main(command: string, args: readonly string[]): Promise<number> {
  const url = databaseUrl();
  const by = option(args, 'by') ?? userInfo().username;
  const json = args.includes('--json');
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    await migrateDatabase(pool);
    const credentials = new PostgresCredentials(pool);
    switch (command) {
      case 'create':
        printIssued(await credentials.create({
          sourceSystem: need(args, 'source'), units: need(args, 'units').split(','), manageUnits: args.includes('--manage-units'), by,
        }), json);
        return 0;
      case 'rotate': {
        const grace = Number(option(args, 'grace-seconds') ?? 0);
        printIssued(await credentials.rotate(positional(args, 'id'), by, grace), json);
        if (!json) console.log(grace > 0 ? `\nThe previous key keeps working for ${grace} s.` : '\nThe previous key no longer works.');
        return 0;
      }
      case 'revoke': {
        const revoked = await credentials.revoke(positional(args, 'id'), by);
        console.log(json ? JSON.stringify(revoked, null, 2) : describe(revoked));
        return 0;
      }
      case 'list': {
        const all = await credentials.list();
        console.log(json ? JSON.stringify(all, null, 2) : all.map(describe).join('\n') || '(no credentials)');
        return 0;
      }
      case 'demo': {
        const demo = await ensureDemoCredentials(credentials, need(args, 'file'), by);
        console.log(JSON.stringify(demo));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await pool.end();
  }
}

runCli('credentials', USAGE, main, (error) => error instanceof CredentialError);
