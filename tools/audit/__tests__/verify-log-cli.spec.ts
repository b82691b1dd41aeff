import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogVerifyReportDto } from '@idx/contracts';
import { streamIdOf } from '@idx/domain';
import { LogSealer, loadOrCreateSealKey, PostgresEventStore, workspaceRoot } from '@idx/event-store';
import { migrateDatabase } from '@idx/read-models';
import { createTestDatabase, dossierEvents, type TestDatabase, waitFor } from '@idx/testing';

describe('npm run audit -- verify-log (the built CLI on a real database)', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let rebuilt = false;
  const cli = (...args: string[]) => {
    // The first run builds the tools, the others reuse what it built.
    const run = spawnSync(process.execPath, [join(workspaceRoot(), 'tools/platform/run-tool.mjs'), 'audit', ...args], {
      cwd: workspaceRoot(), env: { ...env, REBUILD_TOOLS: rebuilt ? '0' : '1' }, encoding: 'utf8', timeout: 300_000,
    });
    rebuilt = true;
    return run;
  };

  beforeAll(async () => {
    db = await createTestDatabase('cli');
    await migrateDatabase(db.pool);
    const dir = mkdtempSync(join(tmpdir(), 'seal-cli-'));
    env = { ...process.env, DATABASE_URL: db.url, LOG_SEAL_KEY_FILE: join(dir, 'seal.pem') };
    const files = { privateKeyFile: join(dir, 'seal.pem'), publicKeyFile: join(dir, 'seal.pub.pem'), witnessFile: join(dir, 'seal.witness.json') };
    const store = new PostgresEventStore(db.pool);
    const sealer = new LogSealer(db.pool, loadOrCreateSealKey(files), { witnessFile: files.witnessFile });
    for (const code of ['C1', 'C2', 'C3']) {
      const d = dossierEvents('HY', code);
      const events = [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-05T08:00:00')];
      await store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
    }
    // Transaction ids are cluster-wide: another test's open transaction may hold the sealer back a moment.
    await waitFor(async () => {
      await sealer.sealAll();
      return (await db.pool.query('SELECT (SELECT coalesce(max(event_count), 0) FROM log_seals) = 6 AS done')).rows[0].done;
    }, { what: 'every event sealed' });
  }, 120_000);
  afterAll(() => db.drop());

  it('answers 0 and an intact report for an untouched log, with progress on stderr', () => {
    const run = cli('verify-log');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as LogVerifyReportDto;
    expect(report).toMatchObject({ intact: true, eventsChecked: 6, unsealed: 0, problemCount: 0 });
    expect(report.sealsChecked).toBeGreaterThanOrEqual(1);
    expect(run.stderr).toContain('log: 6/6 (100%)');
    expect(run.stderr).toContain('log intact');
  }, 320_000);

  it('answers 1 and names the problem when a stream was deleted', async () => {
    await db.pool.query(`DELETE FROM events WHERE stream_id = 'dossier-HY-C2'`);
    await db.pool.query(`DELETE FROM streams WHERE stream_id = 'dossier-HY-C2'`);
    const run = cli('verify-log');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as LogVerifyReportDto;
    expect(report.intact).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(['seal-count']);
    expect(run.stderr).toContain('LOG TAMPERED');
  }, 320_000);

  it('prints the public key for auditors, and refuses a malformed --from-seal with a reason', () => {
    const key = cli('public-key');
    expect(key.status).toBe(0);
    expect(key.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const bad = cli('verify-log', '--from-seal', '2:xyz');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be SEQ:HEAD');
  }, 320_000);
});
