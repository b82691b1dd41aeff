import { Query } from '@nestjs/cqrs';
import type { ScoreDiffDto } from '@idx/contracts';

export class ScoreDiffQuery extends Query<ScoreDiffDto> {
  constructor(readonly unitCode: string, readonly period: string, readonly from: Date, readonly to: Date) {
    super();
  }
}
