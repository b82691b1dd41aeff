import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

export interface MigrationLog {
  (message: string): void;
}

/**
 * Applies SQL migrations kept in Prisma's layout (<dir>/<timestamp>_<name>/migration.sql), in name
 * order across all dirs, once each, recording name and checksum. An advisory lock lets several
 * services start at once. A changed, already applied migration is an error, not a silent skip.
 */
export async function applySqlMigrations(pool: Pool, dirs: readonly string[], log: MigrationLog = () => undefined): Promise<string[]> {
  const migrations = dirs
    .flatMap((dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : [])
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'migration.sql')))
      .map((e) => ({ name: e.name, sql: readFileSync(join(dir, e.name, 'migration.sql'), 'utf8') })))
    .sort((a, b) => a.name.localeCompare(b.name));

  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(766766)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map((r) => [r.name, r.checksum]),
    );
    for (const m of migrations) {
      const checksum = createHash('sha256').update(m.sql).digest('hex');
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      log(`applying migration ${m.name}`);
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(766766)').catch(() => undefined);
    client.release();
  }
  return applied;
}
