import { spawn } from 'node:child_process';
import { isRunning } from '../../testing/process-tree';

/** processes.mjs is ESM; Jest runs CommonJS, so the supervisor is driven in a child Node process that reports in JSON lines. */
function driveSupervisor(script: string): Promise<{ lines: string[]; code: number | null }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', `
    import { supervise, hasEnded } from ${JSON.stringify(require.resolve('../processes.mjs'))};
    import { spawn } from 'node:child_process';
    const say = (o) => console.log(JSON.stringify(o));
    ${script}
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ lines: out.trim().split('\n').filter(Boolean), code })));
}

describe('supervise: a process that dies on its own', () => {
  it('is reported and restarted after a growing back-off when it exits with an error, and stop() ends the run', async () => {
    const { lines } = await driveSupervisor(`
      const s = supervise('svc', () => spawn(process.execPath, ['-e', 'process.exit(3)']), { log: (m) => say({ log: m }), backoffMs: [50, 200] });
      const t0 = Date.now();
      while (s.restarts < 3) await new Promise((r) => setTimeout(r, 10));
      say({ restarts: s.restarts, deaths: s.deaths, ms: Date.now() - t0 });
      await s.stop();
      say({ stopped: true, deathsAfterStop: s.deaths });
    `);
    const logs = lines.map((l) => JSON.parse(l)).filter((o) => o.log).map((o) => o.log);
    expect(logs[0]).toMatch(/^svc \(pid \d+\) died \(exit code 3\); restarting it in 0.05 s \(restart #1\)$/);
    expect(logs[1]).toMatch(/restarting it in 0.2 s \(restart #2\)$/);
    expect(logs[2]).toMatch(/restarting it in 0.2 s \(restart #3\)$/);
    const summary = JSON.parse(lines.find((l) => l.includes('"restarts"')) as string);
    expect(summary.restarts).toBe(3);
    expect(summary.ms).toBeGreaterThanOrEqual(50 + 200 + 200);
    expect(lines[lines.length - 1]).toContain('"stopped":true');
  });

  it('stop() resolves at once for a process killed -9 (no exit event will come again), and a pending restart is cancelled', async () => {
    const { lines, code } = await driveSupervisor(`
      const s = supervise('svc', () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']), { log: () => {}, backoffMs: [60000] });
      const first = s.child;
      say({ pid: first.pid });
      first.kill('SIGKILL');
      while (!hasEnded(first)) await new Promise((r) => setTimeout(r, 10));
      const t0 = Date.now();
      await s.stop();
      say({ stopMs: Date.now() - t0, deaths: s.deaths, sameChild: s.child === first });
    `);
    expect(code).toBe(0); // no restart timer keeps the process alive
    const [{ pid }, result] = lines.map((l) => JSON.parse(l));
    expect(result).toEqual({ stopMs: expect.any(Number), deaths: 1, sameChild: true });
    expect(result.stopMs).toBeLessThan(1000);
    expect(isRunning(pid)).toBe(false);
  });

  it('stops a running process with SIGTERM, and with SIGKILL when it ignores SIGTERM', async () => {
    const { lines } = await driveSupervisor(`
      const s = supervise('svc', () => spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000); console.log("up")'], { stdio: ['ignore', 'pipe', 'inherit'] }), { log: (m) => say({ log: m }), killAfterMs: 300 });
      await new Promise((r) => s.child.stdout.once('data', r));
      await s.stop();
      say({ signal: s.child.signalCode, deaths: s.deaths });
    `);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0].log).toMatch(/did not stop within 0.3 s: killing it/);
    expect(parsed[1]).toEqual({ signal: 'SIGKILL', deaths: 0 });
  });
});
