import { Global, Module } from '@nestjs/common';
import { LogAudit, PostgresHistoryReader } from '@idx/event-store';
import { DatabaseModule, READ_MODELS } from '@idx/nest-platform';
import { AuditService } from '@idx/audit';
import { ExplainQueries, ScoreQueries, UnitRegistryQueries } from '@idx/score-queries';
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
    {
      provide: ScoreQueries,
      inject: [READ_MODELS, PostgresHistoryReader],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader) => new ScoreQueries(prisma, history),
    },
    { provide: ExplainQueries, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new ExplainQueries(prisma) },
    { provide: UnitRegistryQueries, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new UnitRegistryQueries(prisma) },
    { provide: LogAudit, inject: [Pool], useFactory: (pool: Pool) => new LogAudit(pool) },
    {
      provide: AuditService,
      inject: [READ_MODELS, PostgresHistoryReader, LogAudit],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader, log: LogAudit) => new AuditService(prisma, history, Date.now, { log }),
    },
  ],
  exports: [CONFIG, ScoreQueries, ExplainQueries, UnitRegistryQueries, AuditService, PostgresHistoryReader, LogAudit],
})
export class InfrastructureModule {}
