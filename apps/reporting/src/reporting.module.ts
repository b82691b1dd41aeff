import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';
import { GetRankingHandler } from './rankings/get-ranking.handler';
import { RankingsController } from './rankings/rankings.controller';
import { ScoreStreamController } from './score-stream/score-stream.controller';
import { ScoreStreamService } from './score-stream/score-stream.service';
import { GetUnitScoreHandler } from './unit-score/get-unit-score.handler';
import { UnitScoreController } from './unit-score/unit-score.controller';

@Module({
  imports: [CqrsModule.forRoot(), InfrastructureModule],
  controllers: [UnitScoreController, RankingsController, ScoreStreamController, HealthController],
  providers: [GetUnitScoreHandler, GetRankingHandler, ScoreStreamService],
})
export class ReportingModule {}
