import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** CPU seconds spent during a phase: by this process, by the PostgreSQL server's processes, by everything else. */
export interface CpuShare {
  readonly nodeSeconds: number;
  readonly postgresSeconds: number;
  /** The machine's other load: busy CPU that was neither this process nor its PostgreSQL server. */
  readonly otherSeconds: number;
}

interface Mark { readonly busy: number; readonly node: NodeJS.CpuUsage; readonly pg: Map<number, number> }

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((s, v) => s + v, 0);
  return (total - fields[3] - fields[4]) / TICKS_PER_SECOND; // minus idle and iowait
}

function processSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return undefined; // gone, or not on this machine
  }
}

/**
 * Splits a phase's CPU between this process, the PostgreSQL server (its backends and background
 * processes, found through pg_stat_activity) and the rest of the machine, from /proc. Linux only;
 * the server must run on this machine (the embedded one does).
 */
export function cpuMeter(pool: Pool) {
  const pgSeconds = async (): Promise<Map<number, number>> => {
    const pids = (await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid);
    const out = new Map<number, number>();
    for (const pid of pids) {
      const s = processSeconds(pid);
      if (s !== undefined) out.set(pid, s);
    }
    return out;
  };
  return {
    async start(): Promise<Mark> {
      return { pg: await pgSeconds(), busy: machineBusySeconds(), node: process.cpuUsage() };
    },
    async stop(mark: Mark): Promise<CpuShare> {
      const busy = machineBusySeconds() - mark.busy;
      const node = process.cpuUsage(mark.node);
      const nodeSeconds = (node.user + node.system) / 1e6;
      let postgresSeconds = 0;
      for (const [pid, s] of await pgSeconds()) postgresSeconds += s - (mark.pg.get(pid) ?? 0);
      return { nodeSeconds, postgresSeconds, otherSeconds: Math.max(0, busy - nodeSeconds - postgresSeconds) };
    },
  };
}

/** The p-th percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
