import { existsSync } from 'node:fs';
import { AuditLog, closeMonthOnRecord } from '@idx/access';
import { findSealPublicKey, LogAudit, PostgresHistoryReader, publicKeyPem, sealKeyFiles } from '@idx/event-store';
import { AuditService } from '@idx/audit';
import { createReadModelClient } from '@idx/read-models';
import { ScoreQueries } from '@idx/score-queries';
import { Pool } from 'pg';
import { PARKED_COMMANDS, PARKED_USAGE, runParkedCommand } from './parked-commands';
import { databaseUrl, need, option, UsageError } from '../cli-support/cli-args';

const USAGE = `usage: npm run audit -- <command> [options]     (DATABASE_URL must point at the platform's database)
  verify   --unit CODE --period KEY          recompute from the raw events, compare with the projection, check hash chains and the whole log
  verify-log [--from-seal SEQ:HEAD] [--public-key FILE]
                                             recompute every event's hash, check every stream chain and every signed log seal;
                                             exit 1 when anything was edited, inserted, deleted or truncated
  public-key                                 print the log seal public key (PEM) to hand to auditors
  as-of    --unit CODE --period KEY --at ISO the score as it stood at a record-time instant
  diff     --unit CODE --period KEY --from ISO --to ISO   what changed between two moments, and the late events
  close    --period YYYY-MM [--by NAME]      publish a month's snapshot (once)
  check    --period YYYY-MM                  replay up to a published snapshot and compare every total
${PARKED_USAGE}

The seal key files come from LOG_SEAL_KEY_FILE / LOG_SEAL_PUBLIC_KEY_FILE / LOG_SEAL_WITNESS_FILE (docs/tamper-evidence.md).`;

function instant(args: readonly string[], name: string): Date {
  const v = need(args, name);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`--${name} "${v}" is not an ISO-8601 date-time, e.g. 2025-02-05T08:00:00+07:00`);
  return new Date(t);
}

function sealArg(args: readonly string[], name: string): { seq: string; headHash: string } | undefined {
  const v = option(args, name);
  if (v === undefined) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(v);
  if (!m) throw new UsageError(`--${name} "${v}" must be SEQ:HEAD, e.g. 42:<64 hex digits> (a seal from GET /api/v1/audit/log-seals)`);
  return { seq: m[1], headHash: m[2] };
}

/** Progress on stderr, so stdout stays the JSON report a script can read. */
function progress(stage: string, done: number, total: number): void {
  const pct = total === 0 ? 100 : Math.round((100 * done) / total);
  process.stderr.write(`\r${stage}: ${done}/${total} (${pct}%)   `);
  if (done >= total) process.stderr.write('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const trusted = option(args, 'public-key');
  if (trusted !== undefined && !existsSync(trusted)) throw new UsageError(`--public-key ${trusted}: no such file`);
  // An auditor's own copy of the public key replaces the one beside the sealer's key.
  const files = { ...sealKeyFiles(), ...(trusted ? { publicKeyFile: trusted, privateKeyFile: trusted } : {}) };
  if (command === 'public-key') {
    const key = findSealPublicKey(files);
    if (!key) throw new UsageError(`no seal key at ${files.publicKeyFile} or ${files.privateKeyFile} (the scoring service creates it on its first start)`);
    process.stdout.write(publicKeyPem(key));
    return 0;
  }
  const url = databaseUrl();
  const pool = new Pool({ connectionString: url, max: 4 });
  const prisma = createReadModelClient(url, 4);
  const history = new PostgresHistoryReader(pool);
  const audit = new AuditService(prisma, history, Date.now, { log: new LogAudit(pool, files) });
  try {
    let report: unknown;
    switch (command) {
      case 'verify':
        report = await audit.verify(need(args, 'unit'), need(args, 'period'), progress);
        break;
      case 'verify-log': {
        const log = await audit.verifyLog(progress, sealArg(args, 'from-seal'));
        process.stderr.write(log.intact
          ? `log intact: ${log.eventsChecked} events, ${log.sealsChecked} seals checked, unsealed: ${log.unsealed}\n`
          : `LOG TAMPERED: ${log.problemCount} problem(s), first: ${log.problems[0]?.detail}\n`);
        report = log;
        break;
      }
      case 'as-of':
        report = await new ScoreQueries(prisma, history).unitScore(need(args, 'unit'), need(args, 'period'), instant(args, 'at'));
        break;
      case 'diff':
        report = await audit.diff(need(args, 'unit'), need(args, 'period'), instant(args, 'from'), instant(args, 'to'));
        break;
      case 'close': {
        const by = option(args, 'by') ?? process.env['USER'] ?? 'cli';
        // Closing from the CLI is recorded like closing from the console (docs/console-accounts.md).
        report = await closeMonthOnRecord(audit, new AuditLog(pool), need(args, 'period'), by, { actor: `cli:${by}`, progress });
        break;
      }
      case 'check':
        report = await audit.checkSnapshot(need(args, 'period'), progress);
        break;
      default:
        if (!(PARKED_COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
        report = await runParkedCommand(command as (typeof PARKED_COMMANDS)[number], prisma, (n) => need(args, n), (n) => option(args, n), (m) => new UsageError(m));
    }
    console.log(JSON.stringify(report, null, 2));
    const verdict = report as { match?: boolean; intact?: boolean } | undefined;
    const ok = verdict?.match ?? verdict?.intact;
    return report === undefined ? 3 : ok === false ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
    process.exit(2);
  },
);
