import { Query } from '@nestjs/cqrs';
import type { ExplainDto } from '@idx/contracts';

export class ExplainCriterionQuery extends Query<ExplainDto | undefined> {
  constructor(readonly unitCode: string, readonly period: string, readonly criterion: number) {
    super();
  }
}
