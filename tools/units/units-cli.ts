import { readFileSync } from 'node:fs';
import { nationalUnitEvents } from '@idx/domain';
import { Pool } from 'pg';
import { need, option, runCli, UsageError } from '../cli-support/cli-args';
import type { DemoCredentials } from '../credentials/demo-credentials';
import { SeedError, seedNationalUnits } from './seed-units';

const USAGE = `usage: npm run units -- <command> [options]
  seed --ingest URL (--key-file PATH | --key KEY)   registers the whole country (docs/units.md) through ingest with the
                                                    unit registry's key; idempotent (a second run answers duplicates)
  (--key-file: the demo-credentials.json npm start keeps; its registry key is used)`;

/**
 * With DATABASE_URL (as npm start runs it), whether the last of the events is stored: events are
 * posted in order, so then every one is, and a restart skips ~25,000 duplicate checks.
 */
async function alreadySeeded(): Promise<boolean> {
  const url = process.env['DATABASE_URL'];
  if (!url) return false;
  const events = nationalUnitEvents();
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const r = await pool.query('SELECT 1 FROM events WHERE event_id = $1::uuid', [events[events.length - 1].eventId]);
    return r.rowCount === 1;
  } finally {
    await pool.end();
  }
}

async function main(command: string, args: readonly string[]): Promise<number> {
  if (command !== 'seed') throw new UsageError(`unknown command "${command}"`);
  const file = option(args, 'key-file');
  const key = option(args, 'key') ?? (file ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials).registry.apiKey : undefined);
  if (!key) throw new UsageError('--key-file or --key is required');
  if (await alreadySeeded()) {
    console.log('the country\'s units are registered already (their last event is stored)');
    return 0;
  }
  const r = await seedNationalUnits(need(args, 'ingest'), key);
  console.log(`${r.units} units, ${r.events} events: ${r.accepted} accepted, ${r.duplicate} already there, ${r.rejected} rejected (${r.ms} ms)`);
  if (r.firstReason) console.error(`units: rejected, e.g. ${r.firstReason}`);
  return r.rejected > 0 ? 1 : 0;
}

runCli('units', USAGE, main, (error) => error instanceof SeedError);
