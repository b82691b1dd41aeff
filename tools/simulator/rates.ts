import { seededRandom } from './seeded';

/** A share's range [low, high] (0–1): every unit's profile is drawn inside it. */
export type ShareRange = readonly [low: number, high: number];

/**
 * How well simulated units serve, as ranges a unit's profile is drawn from (seeded by its code).
 * Defaults from the national portal's published figures: processed on time ~80–95 %, filed online
 * ~40–90 %; digitisation, online payment and satisfaction spread so every criterion varies by unit.
 */
export interface SimulationRates {
  readonly onTime: ShareRange;
  readonly online: ShareRange;
  readonly digital: ShareRange;
  readonly paysOnline: ShareRange;
  readonly satisfied: ShareRange;
}

export const REALISTIC_RATES: SimulationRates = {
  onTime: [0.8, 0.95],
  online: [0.4, 0.9],
  digital: [0.5, 0.98],
  paysOnline: [0.4, 0.95],
  satisfied: [0.9, 0.995],
};

export type UnitShares = { readonly [K in keyof SimulationRates]: number };

const KEYS = Object.keys(REALISTIC_RATES) as (keyof SimulationRates)[];

/** A unit's shares, stable across runs (seeded by its code), each inside its range. */
export function sharesOf(code: string, rates: SimulationRates = REALISTIC_RATES): UnitShares {
  const r = seededRandom(`profile:${code}`);
  return Object.fromEntries(KEYS.map((k) => [k, rates[k][0] + (rates[k][1] - rates[k][0]) * r()])) as UnitShares;
}

/** How far a unit's month may drift from its profile: enough that "change since the previous period" moves. */
const MONTHLY_DRIFT = 0.06;

/** The unit's shares in one month: its profile moved by a seeded drift, kept inside the ranges. */
export function sharesInMonth(code: string, month: string, rates: SimulationRates = REALISTIC_RATES): UnitShares {
  const base = sharesOf(code, rates);
  const r = seededRandom(`drift:${code}/${month}`);
  return Object.fromEntries(KEYS.map((k) => {
    const [lo, hi] = rates[k];
    // Reflected at the range's ends (not clamped): a unit near an end still moves month to month.
    const x = base[k] + (r() - 0.5) * MONTHLY_DRIFT;
    return [k, Math.min(hi, Math.max(lo, x > hi ? 2 * hi - x : x < lo ? 2 * lo - x : x))];
  })) as UnitShares;
}
