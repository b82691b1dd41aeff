import type { UnitTree } from '@idx/domain';
import { isWithinSubtree, type Principal } from '@idx/access';
import type { ConsoleRole } from '@idx/contracts';

/**
 * Who may import the portal's figures for an area. An import changes no score — it is a record of
 * what the portal published, kept so a reconciliation can be shown again — but it is a write in the
 * audit trail under a person's name, so it needs an account, never a one-stop system's writer key:
 * - `national` and `auditor`: any area (the national office and the auditors reconcile everywhere);
 * - `province`: its own province and the units below it (the People's Committee office that
 *   publishes the monthly letter is the one who reconciles it);
 * - `unit` and `admin`: refused (a unit account reads its own figures only; admin manages accounts).
 */
export const IMPORTING_ROLES: readonly ConsoleRole[] = ['national', 'auditor', 'province'];

export function importRefusal(principal: Principal, areaCode: string, tree: UnitTree): string | undefined {
  if (!IMPORTING_ROLES.includes(principal.role)) {
    return `an account with role ${principal.role} may not import the portal's figures: the national office, an auditor or a province's office does`;
  }
  if (principal.role === 'province' && !isWithinSubtree(tree, principal.unitCode ?? '', areaCode)) {
    return `unit ${areaCode} is outside your area: your account may import figures for unit ${principal.unitCode ?? '?'} and the units below it`;
  }
  return undefined;
}
