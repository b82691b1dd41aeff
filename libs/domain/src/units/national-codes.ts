import { startOfLocalDate } from '../time/local-date';
import { isUnitValidAt } from './unit-facts';
import type { TreeDate, UnitTree } from './unit-tree';

/**
 * National identifier codes → unit codes. Units carry the codes other systems name them by
 * (`nationalCodes`: mã định danh such as `000.00.12.H31` or `H31`, GSO codes such as `00070`);
 * the sync format names a unit by such a code, or by a dossier number (MaHoSo) that starts with one.
 */

export type NationalCodeResolution =
  | { readonly ok: true; readonly unitCode: string; readonly nationalCode: string }
  | { readonly ok: false; readonly reason: string };

/** At most this many characters are looked at: no code or MaHoSo is longer. */
const MAX_LENGTH = 80;
const SEGMENTS = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;

/**
 * The canonical form of a code: upper case, trimmed, and an agency code written level 1 first
 * (`H15.50.05.13`, as some MaHoSo prefixes are) turned to the decision's order (`13.05.50.H15`).
 */
export function canonicalNationalCode(code: string): string {
  const upper = code.trim().toUpperCase();
  const parts = upper.split('.');
  return parts.length > 1 && /^H\d+$/.test(parts[0]) && !/^H\d+$/.test(parts[parts.length - 1]) ? parts.reverse().join('.') : upper;
}

/** The agency part of a dossier number: `H15.50.05.13-261008-0975` → `H15.50.05.13`; a plain code is itself. */
export function agencyPartOf(codeOrDossierNumber: string): string {
  const dash = codeOrDossierNumber.indexOf('-');
  return dash < 0 ? codeOrDossierNumber : codeOrDossierNumber.slice(0, dash);
}

const indexes = new WeakMap<UnitTree, ReadonlyMap<string, readonly string[]>>();

/** Canonical national code → the unit codes carrying it (several when units followed each other). Cached per tree. */
export function nationalCodeIndex(tree: UnitTree): ReadonlyMap<string, readonly string[]> {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const index = new Map<string, string[]>();
  for (const unit of Object.values(tree)) {
    for (const code of unit.nationalCodes ?? []) {
      const key = canonicalNationalCode(code);
      const list = index.get(key);
      if (list) list.push(unit.unitCode);
      else index.set(key, [unit.unitCode]);
    }
  }
  indexes.set(tree, index);
  return index;
}

const instantOf = (at: TreeDate): number => (typeof at === 'number' ? at : startOfLocalDate(at));

/**
 * The unit a national code names at `at`: a province code (`H44`, `000.00.00.H44`, GSO `25`), an
 * agency code (`000.00.12.H31`), a GSO commune code (`00070`) or a dossier number whose agency part
 * is one (`H15.50.05.13-261008-0975`). Only codes a unit carries resolve — an unknown agency is never
 * guessed to be its province — and when two units carried the code (before and after a reform),
 * the one valid at `at` wins. Otherwise a reason a person can act on.
 */
export function resolveNationalCode(tree: UnitTree, code: string, at: TreeDate): NationalCodeResolution {
  if (typeof code !== 'string' || code.trim() === '') return { ok: false, reason: 'no national code given' };
  if (code.length > MAX_LENGTH) return { ok: false, reason: `national code is ${code.length} characters long; at most ${MAX_LENGTH} are read` };
  const agency = canonicalNationalCode(agencyPartOf(code));
  if (!SEGMENTS.test(agency)) {
    return { ok: false, reason: `"${agencyPartOf(code)}" is not a national code: expected letters and digits in dot-separated parts, e.g. 000.00.12.H31, H44 or 00070` };
  }
  const candidates = nationalCodeIndex(tree).get(agency) ?? [];
  if (candidates.length === 0) {
    return { ok: false, reason: `no unit carries the national code ${agency}: register it on the unit with unit.national-codes-set (GET /api/v1/units?q=… finds the unit)` };
  }
  const t = instantOf(at);
  const valid = candidates.filter((c) => isUnitValidAt(tree[c], t));
  if (valid.length === 1) return { ok: true, unitCode: valid[0], nationalCode: agency };
  if (valid.length > 1) return { ok: false, reason: `national code ${agency} is carried by ${valid.length} units at that date (${valid.join(', ')}); it must name one` };
  return { ok: false, reason: `national code ${agency} names ${candidates.join(', ')}, none of which existed at that date` };
}
