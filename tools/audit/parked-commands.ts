import { ParkedSubjects, ScoringProjector } from '@idx/scoring-projection';
import type { ReadModelClient } from '@idx/read-models';

/**
 * The auditor's parked-subject commands (docs/scoring-resilience.md), beside audit-cli.ts:
 *   parked [--status parked|skipped]        list parked subjects and failed recomputes
 *   retry  --id N                           re-fold a parked subject's events (exit 1 when they still fail)
 *   skip   --id N --reason TEXT [--by NAME] skip them for good, with the reason on record
 */
export const PARKED_USAGE = `  parked   [--status parked|skipped]         subjects scoring parked (an event it could not fold), failed recomputes
  retry    --id N                            re-fold a parked subject's events in order; success removes the parking
  skip     --id N --reason TEXT [--by NAME]  skip a parked subject's events for good (kept, with the reason)`;

export const PARKED_COMMANDS = ['parked', 'retry', 'skip'] as const;

type Need = (name: string) => string;
type Option = (name: string) => string | undefined;

function parkingId(value: string, fail: (message: string) => Error): bigint {
  if (!/^[1-9]\d{0,17}$/.test(value)) throw fail(`--id "${value}" is not a parking id (see \`parked\`)`);
  return BigInt(value);
}

/** Answers the report to print; `match: false` makes the CLI exit 1 (a retry that still fails, an unknown id). */
export async function runParkedCommand(
  command: (typeof PARKED_COMMANDS)[number], prisma: ReadModelClient, need: Need, option: Option, fail: (message: string) => Error,
): Promise<unknown> {
  const parked = new ParkedSubjects(prisma);
  switch (command) {
    case 'parked': {
      const status = option('status') ?? 'parked';
      if (status !== 'parked' && status !== 'skipped') throw fail(`--status must be parked or skipped, got "${status}"`);
      return { parked: await parked.list(status), failedRecomputes: await parked.failedRecomputes() };
    }
    case 'retry': {
      const outcome = await new ScoringProjector(prisma).retryParked(parkingId(need('id'), fail));
      return { ...outcome, match: outcome.status === 'applied' };
    }
    case 'skip': {
      const reason = need('reason').trim();
      if (reason.length === 0 || reason.length > 1000) throw fail('--reason must say why (1 to 1000 characters)');
      const done = await parked.skip(parkingId(need('id'), fail), reason, option('by') ?? process.env['USER'] ?? 'cli');
      return done ?? { status: 'not-found', match: false };
    }
  }
}
