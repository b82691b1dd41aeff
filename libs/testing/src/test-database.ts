import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (its global setup starts PostgreSQL)');
  return url;
}

/** A fresh, empty database on the test PostgreSQL server, dropped again by `drop()`. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: adminUrl(), max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl().replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const pool = new Pool({ connectionString: url, max: 20 });
  // A connection the server drops (the database is dropped WITH (FORCE) at the end) must not crash the run.
  pool.on('error', () => undefined);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const a = new Pool({ connectionString: adminUrl(), max: 1 });
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
