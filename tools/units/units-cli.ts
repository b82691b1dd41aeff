import { readFileSync } from 'node:fs';
import type { IngestResponseDto } from '@idx/contracts';
import { nationalUnitEvents } from '@idx/domain';
import { need, option, runCli, UsageError } from '../cli-support/cli-args';
import type { DemoCredentials } from '../credentials/demo-credentials';

const USAGE = `usage: npm run units -- <command> [options]
  seed --ingest URL (--key-file PATH | --key KEY)   registers the whole country (docs/units.md) through ingest with the
                                                    unit registry's key; idempotent (a second run answers duplicates)
  (--key-file: the demo-credentials.json npm start keeps; its registry key is used)`;

/** Events per request: well under ingest's body limit. */
const BATCH = 2000;

async function seed(ingestUrl: string, apiKey: string): Promise<number> {
  const started = Date.now();
  const events = nationalUnitEvents();
  const totals = { accepted: 0, duplicate: 0, rejected: 0 };
  for (let i = 0; i < events.length; i += BATCH) {
    const res = await fetch(`${ingestUrl}/api/v1/events`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${apiKey}` },
      body: events.slice(i, i + BATCH).map((e) => JSON.stringify(e)).join('\n'),
    });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    const answer = (await res.json()) as IngestResponseDto;
    totals.accepted += answer.accepted;
    totals.duplicate += answer.duplicate;
    totals.rejected += answer.rejected;
    if (answer.rejected > 0) console.error(`units: rejected, e.g. ${answer.results.find((r) => r.status === 'rejected')?.reason}`);
  }
  const units = new Set(events.map((e) => e.unitCode)).size;
  console.log(`${units} units, ${events.length} events: ${totals.accepted} accepted, ${totals.duplicate} already there, ${totals.rejected} rejected (${Date.now() - started} ms)`);
  return totals.rejected > 0 ? 1 : 0;
}

async function main(command: string, args: readonly string[]): Promise<number> {
  if (command !== 'seed') throw new UsageError(`unknown command "${command}"`);
  const file = option(args, 'key-file');
  const key = option(args, 'key') ?? (file ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials).registry.apiKey : undefined);
  if (!key) throw new UsageError('--key-file or --key is required');
  return seed(need(args, 'ingest'), key);
}

runCli('units', USAGE, main);
