import { Query } from '@nestjs/cqrs';
import type { UnitScoreDto } from '@idx/contracts';

export class GetUnitScoreQuery extends Query<UnitScoreDto | undefined> {
  constructor(readonly unitCode: string, readonly period: string, readonly asOf?: Date) {
    super();
  }
}
