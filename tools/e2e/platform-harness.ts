import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startReporting } from '../../apps/reporting/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { createWriterKey } from '../testing/writer-key';

export interface RunningPlatform {
  readonly db: TestDatabase;
  readonly ingestUrl: string;
  readonly reportingUrl: string;
  readonly scoringUrl: string;
  /** A writer key of the test database: source `test-one-stop` (the event builders' source), every unit, may manage units. */
  readonly apiKey: string;
  /** `Authorization: Bearer <apiKey>`, to spread into the headers of a POST to ingest. */
  readonly auth: { readonly authorization: string };
  /** Posts events (a JSON array) to ingest as the test writer. */
  postEvents(events: readonly unknown[]): Promise<Response>;
  stop(): Promise<void>;
}

async function urlOf(app: INestApplication): Promise<string> {
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** The three services, as `npm start` runs them, on a fresh database of the real test PostgreSQL. */
/**
 * `readsPublic` (default true) sets READS_PUBLIC for reporting: suites about scores read without
 * signing in; suites about access turn it off and sign in (tools/e2e/console-session.ts).
 */
export async function startPlatform(options: { webDistDir?: string; readsPublic?: boolean } = {}): Promise<RunningPlatform> {
  const db = await createTestDatabase('e2e');
  Object.assign(process.env, {
    DATABASE_URL: db.url, INGEST_PORT: '0', SCORING_PORT: '0', REPORTING_PORT: '0', SCORING_REFRESH_MS: '600000',
    WEB_DIST_DIR: options.webDistDir ?? '/nonexistent', LOG_LEVELS: 'error,warn',
    READS_PUBLIC: String(options.readsPublic ?? true),
    // One seal key and witness per platform: suites running side by side on other databases never share them.
    LOG_SEAL_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'qd766-seal-')), 'log-seal.ed25519.pem'),
  });
  const apps: INestApplication[] = [];
  apps.push(await startIngest(), await startScoring(), await startReporting());
  const [ingestUrl, scoringUrl, reportingUrl] = await Promise.all(apps.map(urlOf));
  const apiKey = await createWriterKey(db.pool);
  const auth = { authorization: `Bearer ${apiKey}` };
  return {
    db, ingestUrl, scoringUrl, reportingUrl, apiKey, auth,
    postEvents: (events) => fetch(`${ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(events) }),
    async stop() {
      for (const app of apps.reverse()) await app.close();
      await db.drop();
    },
  };
}
