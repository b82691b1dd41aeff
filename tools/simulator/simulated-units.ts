import { type DomainEvent, foldUnitTree, nationalUnitEvents, treeAt, type UnitSnapshot } from '@idx/domain';
import { type DemoUnit, profileOf } from './demo-units';
import type { SimulationRates } from './rates';
import { seededRandom } from './seeded';

/** Which units a simulation covers: provinces (how many, or which), and per province its departments and a sample of communes. */
export interface UnitSample {
  /** A number takes that many of the 34 provinces (in code order); a list names them. Default: all. */
  readonly provinces?: number | readonly string[];
  /** Communes (and wards) per province, a seeded sample; Infinity (default) takes them all. */
  readonly communesPerProvince?: number;
}

export interface SimulatedUnits {
  readonly provinces: readonly DemoUnit[];
  readonly departments: readonly DemoUnit[];
  readonly communes: readonly DemoUnit[];
  /** All of them, provinces first. */
  readonly all: readonly DemoUnit[];
  /**
   * Their registry events (registrations, national codes, certification competence), as npm start
   * seeds them: re-sent, duplicates; on a bare database they register the sample.
   */
  readonly registry: readonly DomainEvent[];
}

/** The country as it stands at `at` (the national reference units, docs/units.md), sampled. */
export function simulatedUnits(at: number, sample: UnitSample, rates: SimulationRates): SimulatedUnits {
  // Built once (the country is ~28,000 events): the tree and the sample's registry events come from it.
  const events = nationalUnitEvents();
  const tree = treeAt(foldUnitTree(events), at);
  const allProvinces = tree.filter((u) => u.level === 'province');
  const wanted = sample.provinces;
  const provinces = wanted === undefined ? allProvinces
    : typeof wanted === 'number' ? allProvinces.slice(0, wanted)
      : allProvinces.filter((u) => wanted.includes(u.code));
  if (Array.isArray(wanted)) {
    const unknown = wanted.filter((c) => !allProvinces.some((u) => u.code === c));
    if (unknown.length > 0) throw new Error(`not provinces at ${new Date(at).toISOString().slice(0, 10)}: ${unknown.join(', ')} (one of ${allProvinces.map((u) => u.code).join(', ')})`);
  }
  const perProvince = sample.communesPerProvince ?? Number.POSITIVE_INFINITY;
  const profile = (u: UnitSnapshot) => profileOf(u.code, u.name, u.level ?? 'commune', u.parentCode, rates);
  const chosen = new Set(provinces.map((u) => u.code));
  const departments = tree.filter((u) => u.level === 'department' && chosen.has(u.parentCode ?? ''));
  const communes: UnitSnapshot[] = [];
  for (const p of provinces) {
    const own = tree.filter((u) => u.level === 'commune' && u.parentCode === p.code);
    communes.push(...sampleOf(own, perProvince, `communes:${p.code}`));
  }
  const result = { provinces: provinces.map(profile), departments: departments.map(profile), communes: communes.map(profile) };
  const all = [...result.provinces, ...result.departments, ...result.communes];
  const codes = new Set(all.map((u) => u.code));
  return { ...result, all, registry: events.filter((e) => codes.has(e.unitCode)) };
}

/** `n` of `items`, the same ones on every run (a seeded shuffle), in their original order. */
function sampleOf<T>(items: readonly T[], n: number, seed: string): T[] {
  if (n >= items.length) return [...items];
  const r = seededRandom(seed);
  const keyed = items.map((item, i) => ({ item, i, k: r() }));
  return keyed.sort((a, b) => a.k - b.k).slice(0, Math.max(0, n)).sort((a, b) => a.i - b.i).map((x) => x.item);
}
