import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService, createReadModelClient, ExplainQueries, type ReadModelClient, ScoreQueries } from '@idx/read-models';
import { Pool } from 'pg';
import { PostgresHistoryReader, watchPool } from '@idx/event-store';
import { type ReportingConfig, reportingConfig } from './config';
import { CONFIG } from './tokens';

const READ_MODELS = Symbol('ReadModelClient');

@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(@Inject(Pool) private readonly pool: Pool, @Inject(READ_MODELS) private readonly prisma: ReadModelClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: () => reportingConfig() },
    { provide: Pool, inject: [CONFIG], useFactory: (c: ReportingConfig) => watchPool(new Pool({ connectionString: c.databaseUrl, max: 4 })) },
    { provide: READ_MODELS, inject: [CONFIG], useFactory: (c: ReportingConfig) => createReadModelClient(c.databaseUrl, 8) },
    { provide: PostgresHistoryReader, inject: [Pool], useFactory: (pool: Pool) => new PostgresHistoryReader(pool) },
    {
      provide: ScoreQueries,
      inject: [READ_MODELS, PostgresHistoryReader],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader) => new ScoreQueries(prisma, history),
    },
    { provide: ExplainQueries, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new ExplainQueries(prisma) },
    {
      provide: AuditService,
      inject: [READ_MODELS, PostgresHistoryReader],
      useFactory: (prisma: ReadModelClient, history: PostgresHistoryReader) => new AuditService(prisma, history),
    },
    ConnectionsCloser,
  ],
  exports: [CONFIG, Pool, ScoreQueries, ExplainQueries, AuditService, PostgresHistoryReader],
})
export class InfrastructureModule {}
