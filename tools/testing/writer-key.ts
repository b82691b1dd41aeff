import { PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { ALL_UNITS, CachedAuthenticator, IngestionService, PostgresCredentials, UnitDirectory } from '@idx/ingestion';
import type { Pool } from 'pg';

export interface WriterKeyOptions {
  readonly sourceSystem?: string;
  readonly units?: readonly string[];
  readonly manageUnits?: boolean;
}

/**
 * A writer credential in a test or benchmark database (migrated), and its API key. By default the
 * one the test event builders need: source `test-one-stop`, every unit, may manage units.
 */
export async function createWriterKey(pool: Pool, options: WriterKeyOptions = {}): Promise<string> {
  const issued = await new PostgresCredentials(pool).create({
    sourceSystem: options.sourceSystem ?? 'test-one-stop', units: options.units ?? [ALL_UNITS], manageUnits: options.manageUnits ?? true, by: 'test',
  });
  return issued.apiKey;
}

/** Ingestion on a database as the ingest app wires it: the store, dead letters, unit directory and key checks. */
export function ingestionFor(pool: Pool): { ingestion: IngestionService; keys: CachedAuthenticator } {
  return {
    ingestion: new IngestionService(new PostgresEventStore(pool), new PostgresDeadLetters(pool), new UnitDirectory(pool)),
    keys: new CachedAuthenticator(new PostgresCredentials(pool)),
  };
}
