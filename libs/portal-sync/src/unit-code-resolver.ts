import { agencyPartOf } from '@idx/domain';
/**
 * Port: our unit code for a national identifier code (mã định danh, e.g. `000.00.12.H31`,
 * `H15.50.05.13`), or undefined when the registry does not know it. Implemented over the unit
 * registry's national codes (see docs/portal-sync.md); a table in tests.
 */
export interface UnitCodeResolver {
  /** `at`: the instant the unit must exist at (the dossier's reception; now when absent) — codes outlive reforms. */
  resolve(nationalCode: string, at?: number): Promise<string | undefined>;
}

/** A fixed table national code → unit code (tests, or a deployment's own mapping file). */
export class TableUnitCodeResolver implements UnitCodeResolver {
  private readonly table: ReadonlyMap<string, string>;

  constructor(entries: Iterable<readonly [string, string]> | Readonly<Record<string, string>>) {
    const pairs = Symbol.iterator in Object(entries) ? [...(entries as Iterable<readonly [string, string]>)] : Object.entries(entries);
    this.table = new Map(pairs.map(([k, v]) => [k.toUpperCase(), v]));
  }

  async resolve(nationalCode: string): Promise<string | undefined> {
    return this.table.get(nationalCode.toUpperCase());
  }
}

/** The first resolver that knows the code answers (e.g. a deployment table before the registry). */
export class ChainedUnitCodeResolver implements UnitCodeResolver {
  constructor(private readonly resolvers: readonly UnitCodeResolver[]) {}

  async resolve(nationalCode: string, at?: number): Promise<string | undefined> {
    for (const r of this.resolvers) {
      const hit = await r.resolve(nationalCode, at);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
}

/** A national identifier code: dot-separated groups of letters and digits (`H31.39`, `000.00.12.H31`). */
const NATIONAL_CODE = /^[A-Za-z0-9]{1,10}(\.[A-Za-z0-9]{1,10}){1,6}$/;

export function looksLikeNationalCode(text: string): boolean {
  return NATIONAL_CODE.test(text);
}

/** The unit part of a dossier code (the domain's agencyPartOf), when it is a code: `H15.50.05.13-261008-0975` → `H15.50.05.13`. */
export function unitPrefixOfDossierCode(dossierCode: string): string | undefined {
  const prefix = agencyPartOf(dossierCode);
  return prefix !== dossierCode && looksLikeNationalCode(prefix) ? prefix : undefined;
}

/**
 * The national codes that may name a dossier's unit, most specific first: the unit's code field
 * (MaDonVi / MaCoQuan), DonViXuLy when it holds a code (some systems send the unit's name there),
 * the prefix of MaHoSo, then the body's madonvi (the one-stop system's own unit).
 */
export function unitCodeCandidates(input: { unitCodeField?: string; handlingUnit?: string; dossierCode: string; bodyUnitCode?: string }): string[] {
  const out: string[] = [];
  const add = (c: string | undefined): void => {
    if (c !== undefined && !out.includes(c)) out.push(c);
  };
  add(input.unitCodeField);
  if (input.handlingUnit !== undefined && looksLikeNationalCode(input.handlingUnit)) add(input.handlingUnit);
  add(unitPrefixOfDossierCode(input.dossierCode));
  add(input.bodyUnitCode);
  return out;
}

export type UnitResolution = { readonly ok: true; readonly unitCode: string; readonly nationalCode: string } | { readonly ok: false; readonly reason: string };

/** Resolves the first candidate the registry knows, or says which codes were tried and where they came from. */
export async function resolveDossierUnit(resolver: UnitCodeResolver, candidates: readonly string[], at?: number): Promise<UnitResolution> {
  for (const code of candidates) {
    const unitCode = await resolver.resolve(code, at);
    if (unitCode !== undefined) return { ok: true, unitCode, nationalCode: code };
  }
  if (candidates.length === 0) {
    return { ok: false, reason: 'unit: no national unit code found (MaDonVi, a code in DonViXuLy, the prefix of MaHoSo such as H15.50.05.13-… or the body\'s madonvi)' };
  }
  return { ok: false, reason: `unit: national code${candidates.length > 1 ? 's' : ''} ${candidates.map((c) => JSON.stringify(c)).join(', ')} name${candidates.length > 1 ? '' : 's'} no registered unit; ask the index operator to add the unit's national code to the unit registry` };
}
