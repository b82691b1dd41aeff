import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ExplainDto } from '@idx/contracts';
import { ExplainQueries } from '@idx/read-models';
import { ExplainCriterionQuery } from './explain-criterion.query';

@QueryHandler(ExplainCriterionQuery)
export class ExplainCriterionHandler implements IQueryHandler<ExplainCriterionQuery, ExplainDto | undefined> {
  constructor(private readonly queries: ExplainQueries) {}

  execute({ unitCode, period, criterion }: ExplainCriterionQuery): Promise<ExplainDto | undefined> {
    return this.queries.explain(unitCode, period, criterion);
  }
}
