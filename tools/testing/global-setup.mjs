// Jest global setup: one real PostgreSQL server for the whole run; each test file makes its own database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../platform/embedded-db.mjs';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return; // an external server was given
  const dir = mkdtempSync(join(tmpdir(), 'qd766-test-pg-'));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  process.env.TEST_DATABASE_URL = pg.url('postgres');
  globalThis.__QD766_PG__ = pg;
}
