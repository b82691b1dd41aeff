import type { ReadModelClient } from '@idx/read-models';
import type { UnitTreeCache } from './cache/unit-tree-cache';

/**
 * Whether a unit code names a unit the platform knows: registered (a unit subject in the
 * projection) or holding stored scores. Reporting answers 404 for any other code instead of an
 * empty score. Two primary-key lookups, none when the reporting process's cached tree (`trees`) has it.
 */
export async function isKnownUnit(prisma: ReadModelClient, unitCode: string, trees?: UnitTreeCache): Promise<boolean> {
  // A unit in the tree as last read is registered: unit facts are never removed (a rebuild refills them).
  // Own keys only: "toString" or "constructor" is no unit.
  const cached = trees?.peek()?.tree;
  if (cached && Object.hasOwn(cached, unitCode)) return true;
  const [registered, scored] = await Promise.all([
    prisma.subjectFact.findUnique({ where: { kind_key: { kind: 'unit', key: unitCode } }, select: { key: true } }),
    prisma.unitPeriodScore.findFirst({ where: { unitCode }, select: { unitCode: true } }),
  ]);
  return registered !== null || scored !== null;
}
