import { referenceUnitTree, treeAt, type UnitLevel } from '@idx/domain';
import { seededRandom } from './seeded';

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode?: string;
  /** How well the unit serves (shares between 0 and 1): units differ so rankings mean something. */
  readonly onTime: number;
  readonly online: number;
  readonly digital: number;
  readonly paysOnline: number;
  readonly satisfied: number;
}

/** A unit's service profile, stable across runs (seeded by its code). */
export function profileOf(code: string, name: string, level: UnitLevel, parentCode?: string): DemoUnit {
  const r = seededRandom(`profile:${code}`);
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  return {
    code, name, level, ...(parentCode ? { parentCode } : {}),
    onTime: between(0.82, 0.995), online: between(0.3, 0.9), digital: between(0.5, 0.98), paysOnline: between(0.4, 0.95), satisfied: between(0.9, 0.995),
  };
}

/** The reference units (shared/data: Hưng Yên and Huế, with the 2025 reform) as they stand at `at`. */
export function demoUnitsAt(at: number): DemoUnit[] {
  return treeAt(referenceUnitTree(), at).map((u) => profileOf(u.code, u.name, u.level ?? 'commune', u.parentCode));
}

export const DEMO_UNITS: readonly DemoUnit[] = demoUnitsAt(Date.now());
