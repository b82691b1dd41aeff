import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { waitFor } from '@idx/testing';
import { Client } from 'pg';
import { builtAppMain } from '../../testing/built-app';
import { freePort } from '../../testing/free-port';
import { isRunning, platformProcesses } from '../../testing/process-tree';

interface Launcher {
  readonly child: ChildProcess;
  readonly ports: { ingest: number; scoring: number; reporting: number; db: number };
  output(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** `npm start --no-build` as a child process, on its own data directory and free ports. */
async function startLauncher(dataDir: string): Promise<Launcher> {
  const [ingest, scoring, reporting, db] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(workspaceRoot(), 'tools/platform/start.mjs'), '--no-build'], {
    cwd: workspaceRoot(),
    env: {
      ...process.env, DATABASE_URL: '', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(db),
      // Its keys, admin password and log-seal key beside its data, never in the checkout's .data/.
      QD766_STATE_DIR: join(dataDir, 'state'), LOG_SEAL_KEY_FILE: '',
      INGEST_PORT: String(ingest), SCORING_PORT: String(scoring), REPORTING_PORT: String(reporting), LOG_LEVELS: 'error,warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { out += b.toString(); });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  const launcher: Launcher = {
    child, ports: { ingest, scoring, reporting, db }, output: () => out,
    exited: async () => {
      const sent = Date.now();
      const e = await exit;
      return { code: e.code, signal: e.signal, afterMs: e.at - sent };
    },
  };
  await waitFor(() => out.includes('is running') || (child.exitCode !== null ? Promise.reject(new Error(out)) : false), { what: 'the launcher to start', timeoutMs: 180_000, intervalMs: 200 })
    .catch((error: Error) => { child.kill('SIGKILL'); throw new Error(`${error.message}\n${out}`); });
  return launcher;
}

/** The value, or a failure naming what was missing. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

const healthy = async (port: number): Promise<boolean> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  } catch {
    return false;
  }
};

describe('npm start: supervision and shutdown whatever died', () => {
  let dataDir: string;
  let launcher: Launcher | undefined;

  beforeAll(() => {
    for (const app of ['ingest', 'scoring', 'reporting'] as const) builtAppMain(app);
  }, 600_000);
  beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), 'qd766-launcher-pg-')); });
  afterEach(async () => {
    if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
      launcher.child.kill('SIGINT');
      await launcher.exited();
    }
    launcher = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a service killed -9, and on Ctrl-C after another was killed stops everything and exits non-zero, leaving no process', async () => {
    launcher = await startLauncher(dataDir);
    const l = launcher;
    const before = platformProcesses(l.child.pid as number);
    const ingest = must(before.service('ingest'), 'ingest process');
    expect(before.service('scoring') && before.service('reporting') && before.postmaster).toBeTruthy();

    process.kill(ingest.pid, 'SIGKILL');
    await waitFor(() => l.output().includes(`ingest (pid ${ingest.pid}) died (killed by SIGKILL); restarting it`), { what: 'the launcher to report the dead ingest', timeoutMs: 10_000 });
    const restarted = await waitFor(() => { const p = platformProcesses(l.child.pid as number).service('ingest'); return p && p.pid !== ingest.pid ? p : undefined; }, { what: 'a new ingest process' });
    await waitFor(() => healthy(l.ports.ingest), { what: 'the restarted ingest to answer /health', timeoutMs: 60_000, intervalMs: 250 });

    const now = platformProcesses(l.child.pid as number);
    const everyPid = [...new Set([...before.all, ...now.all].map((p) => p.pid))].filter((pid) => pid !== ingest.pid);
    expect(everyPid).toContain(restarted.pid);
    const scoring = must(now.service('scoring'), 'scoring process');
    process.kill(scoring.pid, 'SIGKILL');
    await waitFor(() => l.output().includes(`scoring (pid ${scoring.pid}) died (killed by SIGKILL)`), { what: 'the launcher to report the dead scoring', timeoutMs: 10_000 });
    l.child.kill('SIGINT');
    const exit = await l.exited();

    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 1, signal: null });
    expect(exit.afterMs).toBeLessThan(30_000);
    expect(everyPid.filter(isRunning)).toEqual([]);
    expect(l.output()).toContain('stopped; ');
  }, 300_000);

  it('restarts PostgreSQL killed -9 (the services carry on), and stops the server its killed wrapper left behind on Ctrl-C', async () => {
    launcher = await startLauncher(dataDir);
    const l = launcher;
    const before = platformProcesses(l.child.pid as number);
    const postmaster = must(before.postmaster, 'postmaster');
    const wrapper = must(before.dbWrapper, 'database wrapper process');

    process.kill(postmaster.pid, 'SIGKILL');
    await waitFor(() => l.output().includes(`postgres (pid ${wrapper.pid}) died (exit code 1); restarting it`), { what: 'the launcher to report the dead database', timeoutMs: 20_000 });
    expect(l.output()).toContain(`PostgreSQL (pid ${postmaster.pid}) died (killed by SIGKILL)`);
    const again = await waitFor(() => { const p = platformProcesses(l.child.pid as number).postmaster; return p && p.pid !== postmaster.pid ? p : undefined; }, { what: 'a new PostgreSQL', timeoutMs: 60_000, intervalMs: 200 });
    // The same service processes reconnect to the new server.
    await waitFor(async () => (await healthy(l.ports.ingest)) && (await healthy(l.ports.scoring)) && (await healthy(l.ports.reporting)), { what: 'the services to answer /health again', timeoutMs: 60_000, intervalMs: 250 });
    const after = platformProcesses(l.child.pid as number);
    const pids = (p: typeof before) => Object.fromEntries(['ingest', 'scoring', 'reporting'].map((name) => [name, p.service(name)?.pid]));
    // On failure the launcher's output says which service died and why.
    if (JSON.stringify(pids(after)) !== JSON.stringify(pids(before))) {
      throw new Error(`a service was restarted: ${JSON.stringify(pids(before))} → ${JSON.stringify(pids(after))}\n${l.output()}`);
    }

    // Now the wrapper dies outright: its PostgreSQL is orphaned, and must not survive the launcher.
    const everyPid = [...new Set([...before.all, ...after.all].map((p) => p.pid))].filter((pid) => pid !== postmaster.pid && pid !== wrapper.pid);
    expect(everyPid).toContain(again.pid);
    const wrapperNow = must(after.dbWrapper, 'database wrapper process');
    process.kill(wrapperNow.pid, 'SIGKILL');
    await waitFor(() => l.output().includes(`postgres (pid ${wrapperNow.pid}) died (killed by SIGKILL)`), { what: 'the launcher to report the dead wrapper', timeoutMs: 10_000 });
    l.child.kill('SIGINT');
    const exit = await l.exited();

    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 1, signal: null });
    expect(exit.afterMs).toBeLessThan(60_000);
    expect(everyPid.filter(isRunning)).toEqual([]);
    const probe = new Client({ connectionString: `postgresql://qd766:qd766@127.0.0.1:${l.ports.db}/postgres`, connectionTimeoutMillis: 2000 });
    await expect(probe.connect()).rejects.toThrow();
  }, 300_000);

  it('leaves no process behind when the launcher itself is killed -9', async () => {
    launcher = await startLauncher(dataDir);
    const tree = platformProcesses(launcher.child.pid as number);
    expect(tree.postmaster).toBeDefined();
    const everyPid = tree.all.map((p) => p.pid);
    launcher.child.kill('SIGKILL');
    await launcher.exited();
    // The services and the database wrapper see the launcher's end of their stdin close and stop.
    await waitFor(() => everyPid.filter(isRunning).length === 0, { what: "the launcher's processes to end", timeoutMs: 30_000, intervalMs: 200 });
  }, 300_000);
});
