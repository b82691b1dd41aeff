// Jest global setup: one real PostgreSQL server for the whole run; each test file makes its own database.
// Kafka is not started here: the suites that need it call startTestKafka() (tools/testing/kafka.ts),
// which starts one broker for the run on first use and records it in QD766_TEST_RUN_DIR.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../platform/embedded-db.mjs';

export default async function globalSetup() {
  process.env.QD766_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'qd766-test-run-'));
  process.env.QD766_TEST_RUNNER_PID = String(process.pid);
  // Services started by tests seal the log with a key of the run, never the checkout's .data/keys.
  process.env.LOG_SEAL_KEY_FILE = join(process.env.QD766_TEST_RUN_DIR, 'keys', 'log-seal.ed25519.pem');
  if (process.env.TEST_DATABASE_URL) return; // an external server was given
  const dir = mkdtempSync(join(tmpdir(), 'qd766-test-pg-'));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  process.env.TEST_DATABASE_URL = pg.url('postgres');
  globalThis.__QD766_PG__ = pg;
}
