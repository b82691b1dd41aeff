import { Global, Module } from '@nestjs/common';
import { LogAudit, PostgresHistoryReader } from '@idx/event-store';
import { DatabaseModule, READ_MODELS } from '@idx/nest-platform';
import { AuditService } from '@idx/audit';
import { ExplainQueries, ScoreQueries, UnitRegistryQueries, UnitTreeCache } from '@idx/score-queries';
import type { ReadModelClient } from '@idx/read-models';
import { Pool } from 'pg';
import { reportingConfig } from './config';
import { CONFIG } from './tokens';

@Global()
@Module({
  imports: [DatabaseModule.forRoot(() => ({ databaseUrl: reportingConfig().databaseUrl, poolSize: 4, readModelConnections: 8 }))],
  providers: [
    { provide: CONFIG, useFactory: () => reportingConfig() },
    { provide: PostgresHistoryReader, inject: [Pool], useFactory: (pool: Pool) => new PostgresHistoryReader(pool) },
    // One unit tree kept per process, checked for changes on each read (docs/reads.md).
    { provide: UnitTreeCache, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new UnitTreeCache(prisma) },
    {
      provide: ScoreQueries,
      inject: [READ_MODELS, PostgresHistoryReader, UnitTreeCache],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader, trees: UnitTreeCache) => new ScoreQueries(prisma, history, Date.now, trees),
    },
    { provide: ExplainQueries, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new ExplainQueries(prisma) },
    { provide: UnitRegistryQueries, inject: [READ_MODELS, UnitTreeCache], useFactory: (prisma: ReadModelClient, trees: UnitTreeCache) => new UnitRegistryQueries(prisma, trees) },
    { provide: LogAudit, inject: [Pool], useFactory: (pool: Pool) => new LogAudit(pool) },
    {
      provide: AuditService,
      inject: [READ_MODELS, PostgresHistoryReader, LogAudit],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader, log: LogAudit) => new AuditService(prisma, history, Date.now, { log }),
    },
  ],
  exports: [CONFIG, UnitTreeCache, ScoreQueries, ExplainQueries, UnitRegistryQueries, AuditService, PostgresHistoryReader, LogAudit],
})
export class InfrastructureModule {}
