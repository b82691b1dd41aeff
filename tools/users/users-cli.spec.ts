import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalIdentityProvider } from '@idx/access';
import { workspaceRoot } from '@idx/event-store';
import { createTestDatabase, type TestDatabase } from '@idx/testing';

const root = workspaceRoot();
const cli = join(root, 'dist/tools/cli/tools/users/users-cli.js');

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

/** `npm test` builds the tools before Jest; when run alone, this builds them if they are older than their sources. */
function ensureBuilt(): void {
  const sources = Math.max(newest(join(root, 'tools/users')), newest(join(root, 'libs/access/src')));
  if (existsSync(cli) && statSync(cli).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tools/tsconfig.tools.json')], { cwd: root, stdio: 'pipe', timeout: 300_000 });
}

describe('npm run users: the accounts CLI on a real database', () => {
  let db: TestDatabase;
  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, ['--require', join(root, 'tools/runtime/lib-paths.cjs'), cli, ...args], {
      cwd: root, input, encoding: 'utf8', env: { ...process.env, DATABASE_URL: db.url }, timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const signsIn = async (username: string, password: string) => (await new LocalIdentityProvider(db.pool).authenticate({ kind: 'password', username, password })).ok;

  beforeAll(async () => {
    ensureBuilt();
    db = await createTestDatabase('users');
  }, 300_000);
  afterAll(() => db?.drop());

  it('creates accounts (generated or piped password), refuses bad ones with a reason, lists them', async () => {
    const created = run(['create', '--username', 'kiemtoan', '--role', 'auditor']);
    expect(created).toMatchObject({ code: 0, out: expect.stringMatching(/^created kiemtoan; password: [\w-]{22}\n$/) });
    const password = created.out.trim().split(' ').pop() as string;
    expect(await signsIn('kiemtoan', password)).toBe(true);

    expect(run(['create', '--username', 'hungyen', '--role', 'province', '--unit', 'HY25', '--password-stdin'], 'mat khau tinh HY\n')).toMatchObject({ code: 0, out: 'created hungyen\n' });
    expect(await signsIn('hungyen', 'mat khau tinh HY')).toBe(true);

    expect(run(['create', '--username', 'tinh-la', '--role', 'province', '--unit', 'NOWHERE'])).toMatchObject({ code: 1, err: 'refused: unit: "NOWHERE" is not a known unit\n' });
    expect(run(['create', '--username', 'kiemtoan', '--role', 'auditor'])).toMatchObject({ code: 1, err: 'refused: username: "kiemtoan" is taken\n' });
    expect(run(['create', '--username', 'x', '--role', 'auditor']).code).toBe(1);
    expect(run(['create', '--role', 'auditor'])).toMatchObject({ code: 2, err: expect.stringContaining('--username is required') });

    const list = run(['list']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/hungyen.*province.*HY25/);
    expect(list.out).toMatch(/kiemtoan.*auditor/);
  });

  it('changes a password, disables and enables an account, each recorded with the OS user', async () => {
    expect(run(['passwd', '--username', 'kiemtoan', '--password-stdin'], 'a brand new secret\n')).toMatchObject({ code: 0 });
    expect(await signsIn('kiemtoan', 'a brand new secret')).toBe(true);
    expect(run(['disable', '--username', 'kiemtoan']).code).toBe(0);
    expect(await signsIn('kiemtoan', 'a brand new secret')).toBe(false);
    expect(run(['enable', '--username', 'kiemtoan']).code).toBe(0);
    expect(await signsIn('kiemtoan', 'a brand new secret')).toBe(true);
    expect(run(['disable', '--username', 'nobody'])).toMatchObject({ code: 1, err: 'refused: no account "nobody"\n' });
    const log = (await db.pool.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE target = 'kiemtoan' ORDER BY id")).rows;
    expect(log.map((e) => e.action)).toEqual(['account.created', 'account.password-changed', 'account.disabled', 'account.enabled']);
    expect(log.every((e) => e.actor.startsWith('cli:'))).toBe(true);
  });

  it('bootstraps the admin account once (npm start), keeping its password in a private file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qd766-admin-')), 'admin-password');
    const first = run(['bootstrap-admin', '--password-file', file]);
    expect(first.code).toBe(0);
    const password = readFileSync(file, 'utf8').trim();
    expect(first.out).toBe(`admin / ${password}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await signsIn('admin', password)).toBe(true);
    expect(run(['bootstrap-admin', '--password-file', file]).out).toBe(`admin / ${password}\n`);
    const created = (await db.pool.query("SELECT actor FROM audit_log WHERE action = 'account.created' AND target = 'admin'")).rows;
    expect(created).toEqual([{ actor: 'npm-start' }]);
  });
});
