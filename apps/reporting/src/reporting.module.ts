import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SseBroadcaster, sseLimits } from '@idx/nest-platform';
import { AccessModule } from './access/access.module';
import { AuditController } from './audit/audit.controller';
import { AUDIT_HANDLERS } from './audit/audit.handlers';
import { ExplainCriterionController } from './explain-criterion/explain-criterion.controller';
import { ExplainCriterionHandler } from './explain-criterion/explain-criterion.handler';
import { ExportMonthlyAppendixHandler } from './exports/export-monthly-appendix.handler';
import { ExportMonthlySummaryHandler } from './exports/export-monthly-summary.handler';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';
import { ParkedEventsModule } from './parked-events/parked-events.module';
import { GetRankingHandler } from './rankings/get-ranking.handler';
import { RankingsController } from './rankings/rankings.controller';
import { ScoreStreamController } from './score-stream/score-stream.controller';
import { ScoreStreamService } from './score-stream/score-stream.service';
import { GetUnitScoreHandler } from './unit-score/get-unit-score.handler';
import { UnitScoreController } from './unit-score/unit-score.controller';
import { UnitRegistryController } from './units/unit-registry.controller';
import { StreamHistoryController } from './stream-history/stream-history.controller';
import { StreamHistoryHandler } from './stream-history/stream-history.handler';
import { GetUnitTrendHandler } from './unit-trend/get-unit-trend.handler';
import { UnitTrendController } from './unit-trend/unit-trend.controller';

@Module({
  imports: [CqrsModule.forRoot(), InfrastructureModule, AccessModule, ParkedEventsModule],
  controllers: [
    UnitScoreController, RankingsController, ScoreStreamController, HealthController,
    UnitTrendController, ExplainCriterionController, StreamHistoryController, AuditController,
    ExportsController, UnitRegistryController,
  ],
  providers: [
    GetUnitScoreHandler, GetRankingHandler, ScoreStreamService, { provide: SseBroadcaster, useFactory: () => new SseBroadcaster(sseLimits()) },
    GetUnitTrendHandler, ExplainCriterionHandler, StreamHistoryHandler, ...AUDIT_HANDLERS,
    ExportMonthlyAppendixHandler, ExportMonthlySummaryHandler,
  ],
})
export class ReportingModule {}
