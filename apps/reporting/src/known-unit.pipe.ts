import { Inject, Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import { READ_MODELS } from '@idx/nest-platform';
import { isKnownUnit, UnitTreeCache } from '@idx/score-queries';
import type { ReadModelClient } from '@idx/read-models';
import { unitCodeParam } from './request-params';

async function knownUnit(prisma: ReadModelClient, trees: UnitTreeCache, name: string, value: unknown): Promise<string> {
  const unitCode = unitCodeParam(name, value);
  if (!(await isKnownUnit(prisma, unitCode, trees))) {
    throw new NotFoundException({ reason: `${name}: no unit with the code "${unitCode}" is registered; check the code (e.g. HY-STP) against /api/v1/rankings` });
  }
  return unitCode;
}

/**
 * A unit code parameter naming a unit the platform knows: malformed → 400, unknown → 404 with a
 * reason, so a mistyped code never reads as "a unit with no data" (an empty 200).
 */
@Injectable()
export class KnownUnitPipe implements PipeTransform<unknown, Promise<string>> {
  constructor(@Inject(READ_MODELS) private readonly prisma: ReadModelClient, private readonly trees: UnitTreeCache) {}

  transform(value: unknown, metadata?: { data?: string }): Promise<string> {
    return knownUnit(this.prisma, this.trees, metadata?.data ?? 'unitCode', value);
  }
}

/** The same for an optional filter parameter: absent stays undefined. */
@Injectable()
export class OptionalKnownUnitPipe implements PipeTransform<unknown, Promise<string | undefined>> {
  constructor(@Inject(READ_MODELS) private readonly prisma: ReadModelClient, private readonly trees: UnitTreeCache) {}

  async transform(value: unknown, metadata?: { data?: string }): Promise<string | undefined> {
    return value === undefined || value === '' ? undefined : knownUnit(this.prisma, this.trees, metadata?.data ?? 'unit', value);
  }
}
