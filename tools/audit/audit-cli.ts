import { PostgresHistoryReader } from '@idx/event-store';
import { AuditService, createReadModelClient, ScoreQueries } from '@idx/read-models';
import { Pool } from 'pg';
import { PARKED_COMMANDS, PARKED_USAGE, runParkedCommand } from './parked-commands';

const USAGE = `usage: npm run audit -- <command> [options]     (DATABASE_URL must point at the platform's database)
  verify   --unit CODE --period KEY          recompute from the raw events, compare with the projection, check hash chains
  as-of    --unit CODE --period KEY --at ISO the score as it stood at a record-time instant
  diff     --unit CODE --period KEY --from ISO --to ISO   what changed between two moments, and the late events
  close    --period YYYY-MM [--by NAME]      publish a month's snapshot (once)
  check    --period YYYY-MM                  replay up to a published snapshot and compare every total
${PARKED_USAGE}`;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function need(args: readonly string[], name: string): string {
  const v = option(args, name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

function instant(args: readonly string[], name: string): Date {
  const v = need(args, name);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`--${name} "${v}" is not an ISO-8601 date-time, e.g. 2025-02-05T08:00:00+07:00`);
  return new Date(t);
}

class UsageError extends Error {}

/** Progress on stderr, so stdout stays the JSON report a script can read. */
function progress(stage: string, done: number, total: number): void {
  const pct = total === 0 ? 100 : Math.round((100 * done) / total);
  process.stderr.write(`\r${stage}: ${done}/${total} (${pct}%)   `);
  if (done >= total) process.stderr.write('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  const url = process.env['DATABASE_URL'];
  if (!command || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!url) throw new UsageError('DATABASE_URL is not set (npm start prints the embedded one: postgresql://qd766:qd766@127.0.0.1:5766/qd766)');
  const pool = new Pool({ connectionString: url, max: 4 });
  const prisma = createReadModelClient(url, 4);
  const history = new PostgresHistoryReader(pool);
  const audit = new AuditService(prisma, history);
  try {
    let report: unknown;
    switch (command) {
      case 'verify':
        report = await audit.verify(need(args, 'unit'), need(args, 'period'), progress);
        break;
      case 'as-of':
        report = await new ScoreQueries(prisma, history).unitScore(need(args, 'unit'), need(args, 'period'), instant(args, 'at'));
        break;
      case 'diff':
        report = await audit.diff(need(args, 'unit'), need(args, 'period'), instant(args, 'from'), instant(args, 'to'));
        break;
      case 'close':
        report = await audit.close(need(args, 'period'), option(args, 'by') ?? process.env['USER'] ?? 'cli', progress);
        break;
      case 'check':
        report = await audit.checkSnapshot(need(args, 'period'), progress);
        break;
      default:
        if (!(PARKED_COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
        report = await runParkedCommand(command as (typeof PARKED_COMMANDS)[number], prisma, (n) => need(args, n), (n) => option(args, n), (m) => new UsageError(m));
    }
    console.log(JSON.stringify(report, null, 2));
    const ok = (report as { match?: boolean } | undefined)?.match;
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
