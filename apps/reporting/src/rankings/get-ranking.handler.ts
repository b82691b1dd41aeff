import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RankingDto } from '@idx/contracts';
import { ScoreQueries } from '@idx/read-models';
import { GetRankingQuery } from './get-ranking.query';

@QueryHandler(GetRankingQuery)
export class GetRankingHandler implements IQueryHandler<GetRankingQuery, RankingDto> {
  constructor(private readonly scores: ScoreQueries) {}

  execute({ period, filter, asOf }: GetRankingQuery): Promise<RankingDto> {
    return this.scores.ranking(period, filter, asOf);
  }
}
