import { agencyPartOf, canonicalNationalCode, isUnitValidAt } from '@idx/domain';
import type { UnitCodeResolver } from '@idx/portal-sync';
import type { UnitDirectory } from '../auth/unit-directory';

/**
 * National code → unit code from the registered units' `nationalCodes` (unit.registered or
 * unit.national-codes-set, docs/units.md), read from the same directory ingestion checks units in;
 * a unit registered under the national code itself answers too. The code is read as the domain
 * reads it (canonicalNationalCode: a MaHoSo prefix in either order). When units followed each other
 * under one code (a reform), the one that existed at `at` answers; an ambiguous code resolves to none.
 */
export class DirectoryUnitCodeResolver implements UnitCodeResolver {
  constructor(private readonly units: UnitDirectory) {}

  async resolve(nationalCode: string, at = Date.now()): Promise<string | undefined> {
    await this.units.refresh();
    const code = canonicalNationalCode(agencyPartOf(nationalCode));
    const carriers = this.units.carriersOf(code);
    const candidates = carriers.length > 0 ? carriers : this.units.get(nationalCode) ? [nationalCode] : [];
    const valid = candidates.filter((c) => {
      const unit = this.units.get(c);
      return unit !== undefined && isUnitValidAt(unit, at);
    });
    if (valid.length === 1) return valid[0];
    // A dossier received before its unit was recorded as existing still names the only carrier.
    return valid.length === 0 && candidates.length === 1 ? candidates[0] : undefined;
  }
}
