import { REALISTIC_RATES, type ShareRange, type SimulationRates } from './rates';
import type { UnitSample } from './simulated-units';

/** `demo`: the demo key's two provinces, a sample of communes (fast for a newcomer); `national`: the whole country. */
export type SimulationScope = 'demo' | 'national';

export interface CliSimulation {
  readonly scope: SimulationScope;
  readonly sample: UnitSample;
  readonly months: number;
  readonly dossiersPerUnitMonth: number;
  readonly liveRate: number;
  readonly rates: SimulationRates;
}

/** The provinces the demo writer key owns (tools/credentials/demo-credentials.ts), as they stand after the 2025 reform. */
export const DEMO_PROVINCES: readonly string[] = ['HY25', 'TTH'];

/** Defaults per scope: the demo stays small enough to show moving scores within seconds. */
const DEFAULTS: Readonly<Record<SimulationScope, { communes: number; months: number; dossiers: number; rate: number }>> = {
  demo: { communes: 10, months: 13, dossiers: 8, rate: 3 },
  national: { communes: Number.POSITIVE_INFINITY, months: 13, dossiers: 4, rate: 20 },
};

export class SimulationOptionError extends Error {}

type Source = { argv: readonly string[]; env: Readonly<Record<string, string | undefined>> };

function value({ argv, env }: Source, flag: string, envName: string): string | undefined {
  return argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3) ?? env[envName];
}

function count(source: Source, flag: string, envName: string, fallback: number, min: number, max: number): number {
  const raw = value(source, flag, envName);
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'all') return Number.POSITIVE_INFINITY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new SimulationOptionError(`--${flag} (${envName}) must be a whole number from ${min} to ${max}${max === Infinity ? ' or "all"' : ''}, not "${raw}"`);
  return n;
}

function range(source: Source, flag: string, envName: string, fallback: ShareRange): ShareRange {
  const raw = value(source, flag, envName);
  if (raw === undefined || raw === '') return fallback;
  const m = /^(0(?:\.\d+)?|1(?:\.0+)?)-(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(raw);
  if (!m || Number(m[1]) > Number(m[2])) throw new SimulationOptionError(`--${flag} (${envName}) must be a share range like 0.8-0.95, not "${raw}"`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The simulation a command line asks for. Flags win over environment variables:
 *   --national / --scope=national (SIM_SCOPE)   the whole country instead of the demo's two provinces
 *   --provinces=N|CODE,CODE (SIM_PROVINCES)      how many of the 34 (code order) or which
 *   --communes=N|all (SIM_COMMUNES)              communes per province (demo 10, national all)
 *   --months=N (SIM_MONTHS)                      months of history ending with this one (13)
 *   --dossiers=N (SIM_DOSSIERS; SIM_HISTORY)     dossiers per unit-month on average (demo 8, national 4)
 *   --rate=N (SIM_RATE)                          live dossiers per second after the history (demo 3, national 20; 0 stops)
 *   --on-time=LO-HI, --online=LO-HI (SIM_ON_TIME, SIM_ONLINE)  share ranges units are drawn from (0.8-0.95, 0.4-0.9)
 */
export function simulationOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliSimulation {
  const source = { argv, env };
  const scopeRaw = argv.includes('--national') ? 'national' : value(source, 'scope', 'SIM_SCOPE') ?? 'demo';
  if (scopeRaw !== 'demo' && scopeRaw !== 'national') throw new SimulationOptionError(`--scope (SIM_SCOPE) is "demo" or "national", not "${scopeRaw}"`);
  const scope: SimulationScope = scopeRaw;
  const d = DEFAULTS[scope];
  const provincesRaw = value(source, 'provinces', 'SIM_PROVINCES');
  let provinces: number | readonly string[] | undefined = scope === 'demo' ? DEMO_PROVINCES : undefined;
  if (provincesRaw && provincesRaw !== 'all') {
    provinces = /^\d+$/.test(provincesRaw) ? count(source, 'provinces', 'SIM_PROVINCES', 34, 1, 34) : provincesRaw.split(',').map((c) => c.trim()).filter(Boolean);
  }
  const communes = count(source, 'communes', 'SIM_COMMUNES', d.communes, 0, Number.POSITIVE_INFINITY);
  const dossiersRaw = value(source, 'dossiers', 'SIM_DOSSIERS') === undefined && env['SIM_HISTORY'] ? { argv: [], env: { SIM_DOSSIERS: env['SIM_HISTORY'] } } : source;
  return {
    scope,
    sample: { ...(provinces === undefined ? {} : { provinces }), communesPerProvince: communes },
    months: count(source, 'months', 'SIM_MONTHS', d.months, 1, 36),
    dossiersPerUnitMonth: count(dossiersRaw, 'dossiers', 'SIM_DOSSIERS', d.dossiers, 1, 100_000),
    liveRate: count(source, 'rate', 'SIM_RATE', d.rate, 0, 10_000),
    rates: { ...REALISTIC_RATES, onTime: range(source, 'on-time', 'SIM_ON_TIME', REALISTIC_RATES.onTime), online: range(source, 'online', 'SIM_ONLINE', REALISTIC_RATES.online) },
  };
}
