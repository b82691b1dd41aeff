import { applySqlMigrations, eventStoreMigrationsDir, workspaceRoot } from '@idx/event-store';
import { join } from 'node:path';
import type { Pool } from 'pg';

export function readModelMigrationsDir(): string {
  return join(workspaceRoot(), 'libs', 'read-models', 'prisma', 'migrations');
}

/** Brings one database to the current schema: event store first, then the read models. */
export function migrateDatabase(pool: Pool, log?: (m: string) => void): Promise<string[]> {
  return applySqlMigrations(pool, [eventStoreMigrationsDir(), readModelMigrationsDir()], log);
}

/** Migrates the database behind a URL before a service starts (safe when several start at once). */
export async function migrateOnStart(databaseUrl: string, log?: (m: string) => void): Promise<void> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrateDatabase(pool, log);
  } finally {
    await pool.end();
  }
}
