import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { UnitTrendDto } from '@idx/contracts';
import { ExplainQueries } from '@idx/read-models';
import { GetUnitTrendQuery } from './get-unit-trend.query';

@QueryHandler(GetUnitTrendQuery)
export class GetUnitTrendHandler implements IQueryHandler<GetUnitTrendQuery, UnitTrendDto> {
  constructor(private readonly queries: ExplainQueries) {}

  execute({ unitCode, to, months }: GetUnitTrendQuery): Promise<UnitTrendDto> {
    return this.queries.trend(unitCode, to, months);
  }
}
