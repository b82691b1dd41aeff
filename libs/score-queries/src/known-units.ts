import type { ReadModelClient } from '@idx/read-models';

/**
 * Whether a unit code names a unit the platform knows: registered (a unit subject in the
 * projection) or holding stored scores. Reporting answers 404 for any other code instead of an
 * empty score. Two primary-key lookups.
 */
export async function isKnownUnit(prisma: ReadModelClient, unitCode: string): Promise<boolean> {
  const [registered, scored] = await Promise.all([
    prisma.subjectFact.findUnique({ where: { kind_key: { kind: 'unit', key: unitCode } }, select: { key: true } }),
    prisma.unitPeriodScore.findFirst({ where: { unitCode }, select: { unitCode: true } }),
  ]);
  return registered !== null || scored !== null;
}
