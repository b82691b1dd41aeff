import { Query } from '@nestjs/cqrs';
import type { RankingDto } from '@idx/contracts';
import type { RankingFilter } from '@idx/read-models';

export class GetRankingQuery extends Query<RankingDto> {
  constructor(readonly period: string, readonly filter: RankingFilter, readonly asOf?: Date) {
    super();
  }
}
