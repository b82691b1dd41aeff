import { Module } from '@nestjs/common';
import { AuditService } from '@idx/audit';
import { MonthlyExports } from '@idx/exports';
import { SseBroadcaster, sseLimits } from '@idx/nest-platform';
import { ScoreQueries } from '@idx/score-queries';
import { AccessModule } from './access/access.module';
import { AuditController } from './audit/audit.controller';
import { ExplainCriterionController } from './explain-criterion/explain-criterion.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';
import { ParkedEventsModule } from './parked-events/parked-events.module';
import { RankingsController } from './rankings/rankings.controller';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { ScoreStreamController } from './score-stream/score-stream.controller';
import { ScoreStreamService } from './score-stream/score-stream.service';
import { UnitScoreController } from './unit-score/unit-score.controller';
import { UnitRegistryController } from './units/unit-registry.controller';
import { StreamHistoryController } from './stream-history/stream-history.controller';
import { UnitTrendController } from './unit-trend/unit-trend.controller';

/**
 * Controllers call the libs' use cases directly: a query or command bus would only forward each
 * request to a one-line handler (docs/architecture.md, "Why no command/query bus in reporting").
 */
@Module({
  imports: [InfrastructureModule, AccessModule, ParkedEventsModule, ReconciliationModule],
  controllers: [
    UnitScoreController, RankingsController, ScoreStreamController, HealthController,
    UnitTrendController, ExplainCriterionController, StreamHistoryController, AuditController,
    ExportsController, UnitRegistryController,
  ],
  providers: [
    ScoreStreamService, { provide: SseBroadcaster, useFactory: () => new SseBroadcaster(sseLimits()) },
    {
      provide: MonthlyExports,
      inject: [ScoreQueries, AuditService],
      // A closed month's documents print its figures as of the close (its published snapshot's instant).
      useFactory: (scores: ScoreQueries, audit: AuditService) => new MonthlyExports(scores, Date.now, { closedMonth: (period) => audit.closeOf(period) }),
    },
  ],
})
export class ReportingModule {}
