import type { UnitFacts, UnitTree } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';

/** The dated unit tree, folded by the scoring projection into subject facts of kind 'unit'. */
export async function loadUnitTree(prisma: ReadModelClient): Promise<UnitTree> {
  const rows = await prisma.subjectFact.findMany({ where: { kind: 'unit' }, select: { key: true, facts: true } });
  return Object.fromEntries(rows.map((r) => [r.key, r.facts as unknown as UnitFacts]));
}
