// Small helpers to run the platform's processes with prefixed output, restarts and a clean shutdown.
import { spawn } from 'node:child_process';

export function runStep(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      reject(Object.assign(new Error(`${command} ${args.join(' ')} exited with ${code}`), { exitCode: code }));
    });
  });
}

/** True once the child has ended, by exit or by signal (a child killed -9 has exitCode null). */
export const hasEnded = (child) => child.exitCode !== null || child.signalCode !== null;

/** Resolves when the child has ended (at once if it already has: its 'exit' event will not come again). */
export const ended = (child) => new Promise((resolve) => (hasEnded(child) ? resolve() : child.once('exit', () => resolve())));

export const describeExit = (code, signal) => (signal ? `killed by ${signal}` : `exit code ${code}`);

function prefixOutput(child, name, out) {
  const prefix = `[${name}]`.padEnd(12);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop();
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
  }
}

/** One service process: its own process group (a Ctrl-C reaches the launcher, which stops the services in order). */
export function startService(name, command, args, env, { cwd, out = process.stdout } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  prefixOutput(child, name, out);
  return child;
}

/**
 * Keeps one process running: when it ends on its own (killed, crashed, exited), says so and starts
 * it again after a back-off (1 s, 2 s, 5 s, 10 s, then every 30 s; back to 1 s once a run lasted
 * a minute). stop() ends it (SIGTERM, SIGKILL after `killAfterMs`) and cancels a pending restart;
 * it resolves whatever state the process is in, including already dead.
 *
 * @param {string} name
 * @param {() => import('node:child_process').ChildProcess} start
 * @param {{ log?: (m: string) => void, backoffMs?: number[], stableMs?: number, killAfterMs?: number,
 *           stopChild?: (child: import('node:child_process').ChildProcess) => Promise<void>, restart?: boolean }} [options]
 */
export function supervise(name, start, options = {}) {
  const { log = () => {}, backoffMs = [1000, 2000, 5000, 10_000, 30_000], stableMs = 60_000, killAfterMs = 15_000, restart = true } = options;
  let child;
  let startedAt = 0;
  let streak = 0;
  let timer;
  let stopping = false;
  const state = { name, deaths: 0, restarts: 0, get child() { return child; }, get pid() { return child?.pid; } };

  const run = () => {
    timer = undefined;
    if (stopping) return;
    startedAt = Date.now();
    child = start();
    const mine = child;
    mine.once('exit', (code, signal) => {
      if (stopping || mine !== child) return;
      state.deaths++;
      if (Date.now() - startedAt >= stableMs) streak = 0;
      if (!restart) {
        log(`${name} (pid ${mine.pid}) ended (${describeExit(code, signal)}); not restarted`);
        return;
      }
      const delay = backoffMs[Math.min(streak, backoffMs.length - 1)];
      streak++;
      log(`${name} (pid ${mine.pid}) died (${describeExit(code, signal)}); restarting it in ${delay / 1000} s (restart #${state.restarts + 1})`);
      timer = setTimeout(() => {
        state.restarts++;
        run();
      }, delay);
    });
  };

  const defaultStop = async (c) => {
    c.kill('SIGTERM');
    const killer = setTimeout(() => {
      log(`${name} (pid ${c.pid}) did not stop within ${killAfterMs / 1000} s: killing it`);
      c.kill('SIGKILL');
    }, killAfterMs);
    await ended(c);
    clearTimeout(killer);
  };

  state.stop = async () => {
    stopping = true;
    clearTimeout(timer);
    if (child) await (options.stopChild ?? defaultStop)(child);
  };
  run();
  return state;
}

export async function waitForHttp(url, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
