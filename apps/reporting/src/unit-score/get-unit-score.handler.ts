import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { UnitScoreDto } from '@idx/contracts';
import { ScoreQueries } from '@idx/read-models';
import { GetUnitScoreQuery } from './get-unit-score.query';

@QueryHandler(GetUnitScoreQuery)
export class GetUnitScoreHandler implements IQueryHandler<GetUnitScoreQuery, UnitScoreDto | undefined> {
  constructor(private readonly scores: ScoreQueries) {}

  execute({ unitCode, period, asOf }: GetUnitScoreQuery): Promise<UnitScoreDto | undefined> {
    return this.scores.unitScore(unitCode, period, asOf);
  }
}
