import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { raw } from 'express';
import { Pool } from 'pg';
import { PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { fetchPortalEvaluation, PostgresPortalSyncedDossiers, ReconciliationService } from '@idx/reconciliation';
import { ExplainQueries, ScoreQueries, UnitRegistryQueries } from '@idx/score-queries';
import { AccessModule } from '../access/access.module';
import { IMPORTS_PATH, ReconciliationController } from './reconciliation.controller';
import { reconciliationSettings } from './reconciliation-settings';

/** Reconciliation with the national portal (docs/reconciliation.md): imports of its figures, the comparison, the drill-down. */
@Module({
  imports: [AccessModule],
  controllers: [ReconciliationController],
  providers: [
    {
      provide: ReconciliationService,
      inject: [Pool, ScoreQueries, ExplainQueries, UnitRegistryQueries],
      useFactory: (pool: Pool, scores: ScoreQueries, explain: ExplainQueries, units: UnitRegistryQueries) => {
        const { maxFileBytes, fetchUrl } = reconciliationSettings();
        return new ReconciliationService({
          store: new PostgresEventStore(pool), deadLetters: new PostgresDeadLetters(pool), units, scores, explain,
          syncs: new PostgresPortalSyncedDossiers(pool),
          limits: { maxBytes: maxFileBytes, maxRows: 20_000, maxDepth: 32 },
          ...(fetchUrl ? { fetchFromPortal: (period: string, portalProvinceId: string) => fetchPortalEvaluation({ url: fetchUrl, period, portalProvinceId, maxBytes: maxFileBytes }) } : {}),
        });
      },
    },
  ],
})
export class ReconciliationModule implements NestModule {
  /** The import's body is the file's bytes, kept exactly: read raw (the JSON parser would re-encode it), bounded. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(raw({ type: (req) => !/^application\/json\b/i.test(String(req.headers['content-type'] ?? '')), limit: reconciliationSettings().maxFileBytes }))
      .forRoutes({ path: IMPORTS_PATH, method: RequestMethod.POST });
  }
}
