import { referenceUnitTree, treeAt, type UnitLevel } from '@idx/domain';
import { REALISTIC_RATES, type SimulationRates, sharesOf, type UnitShares } from './rates';

/** A simulated unit and how well it serves (shares between 0 and 1): units differ so rankings mean something. */
export interface DemoUnit extends UnitShares {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode?: string;
}

/** A unit's service profile, stable across runs (seeded by its code), drawn inside `rates`. */
export function profileOf(code: string, name: string, level: UnitLevel, parentCode?: string, rates: SimulationRates = REALISTIC_RATES): DemoUnit {
  return { code, name, level, ...(parentCode ? { parentCode } : {}), ...sharesOf(code, rates) };
}

/** The reference units (shared/data: Hưng Yên and Huế, with the 2025 reform) as they stand at `at`. */
export function demoUnitsAt(at: number): DemoUnit[] {
  return treeAt(referenceUnitTree(), at).map((u) => profileOf(u.code, u.name, u.level ?? 'commune', u.parentCode));
}

export const DEMO_UNITS: readonly DemoUnit[] = demoUnitsAt(Date.now());
