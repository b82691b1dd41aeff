import { readdirSync, readFileSync } from 'node:fs';

/** One process as Linux's /proc shows it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly argv: readonly string[];
}

function read(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(ppid), state, argv };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Every process now running (Linux). */
export function processes(): ProcessInfo[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => read(Number(d))).filter((p): p is ProcessInfo => p !== undefined);
}

/** The processes below `pid` (children, their children, …). */
export function descendants(pid: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = all.filter((p) => frontier.includes(p.ppid));
    found.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return found;
}

/** Running, not a zombie waiting to be reaped (a killed child stays listed as Z until then). */
export function isRunning(pid: number): boolean {
  const p = read(pid);
  return p !== undefined && p.state !== 'Z' && p.state !== 'X';
}

/** The launcher's processes by role: the Node services by their compiled entry, PostgreSQL's postmaster by its binary and parent. */
export function platformProcesses(launcherPid: number): { service: (name: string) => ProcessInfo | undefined; dbWrapper?: ProcessInfo; postmaster?: ProcessInfo; all: ProcessInfo[] } {
  const all = descendants(launcherPid);
  const dbWrapper = all.find((p) => p.argv.some((a) => a.endsWith('embedded-db-server.mjs')));
  const postmaster = all.find((p) => p.ppid === dbWrapper?.pid && p.argv[0]?.endsWith('postgres'));
  const service = (name: string) => all.find((p) => p.argv.some((a) => a.includes(`/dist/apps/${name}/`)));
  return { service, dbWrapper, postmaster, all };
}
