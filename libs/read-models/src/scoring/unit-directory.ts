import type { DomainEvent } from '@idx/domain';
import type { Prisma } from '../generated/prisma/client';

/** Keeps the units table in step with unit events. */
export async function applyUnitEvents(tx: Prisma.TransactionClient, events: readonly DomainEvent[]): Promise<void> {
  for (const e of events) {
    if (e.type !== 'unit.registered') continue;
    const { name, level, parentCode } = e.data;
    await tx.unit.upsert({
      where: { code: e.unitCode },
      create: { code: e.unitCode, name, level, parentCode: parentCode ?? null, facts: e.data, updatedAt: new Date(e.occurredAt) },
      update: { name, level, parentCode: parentCode ?? null, facts: e.data, updatedAt: new Date(e.occurredAt) },
    });
  }
}
