import type { UnitTree } from '@idx/domain';
import type { Principal } from '../principal';
import { isScopedRole } from '../principal';

/**
 * What a read touches: one unit's figures (and its subtree), the national ranking of provinces
 * (which provincial officials may read), or figures of the whole country.
 */
export type ReadTarget =
  | { readonly kind: 'unit'; readonly unitCode: string }
  | { readonly kind: 'province-ranking' }
  | { readonly kind: 'national' }
  /** Any signed-in user (the data is filtered or carries nothing scoped, e.g. the live stream's heartbeat). */
  | { readonly kind: 'any' };

export type ReadDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: ReadDecision = { allowed: true };

/**
 * True when `unitCode` is `scopeCode` or lies below it. Parent links are followed as last
 * recorded, whatever their dates: a unit that moved or ended is still judged by where it sat.
 */
export function isWithinSubtree(tree: UnitTree, scopeCode: string, unitCode: string): boolean {
  const seen = new Set<string>();
  let code: string | undefined = unitCode;
  while (code !== undefined && !seen.has(code)) {
    if (code === scopeCode) return true;
    seen.add(code);
    code = Object.hasOwn(tree, code) ? tree[code].parentCode : undefined;
  }
  return false;
}

/** May this user read this? national, auditor and admin read everything; province and unit their subtree. */
export function decideRead(principal: Principal, target: ReadTarget, tree: UnitTree): ReadDecision {
  if (!isScopedRole(principal.role) || target.kind === 'any') return ALLOWED;
  const scope = principal.unitCode ?? '';
  switch (target.kind) {
    case 'province-ranking':
      return principal.role === 'province' ? ALLOWED : { allowed: false, reason: `the national ranking is not open to a unit account; your area is ${scope}` };
    case 'national':
      return { allowed: false, reason: `these figures cover the whole country; your account may read unit ${scope} and the units below it` };
    case 'unit':
      return isWithinSubtree(tree, scope, target.unitCode)
        ? ALLOWED
        : { allowed: false, reason: `unit ${target.unitCode} is outside your area: your account may read unit ${scope} and the units below it` };
  }
}
