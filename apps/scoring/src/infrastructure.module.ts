import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PostgresEventStore } from '@idx/event-store';
import { createReadModelClient, type ReadModelClient, ScoringProjector } from '@idx/read-models';
import { Pool } from 'pg';
import { watchPool } from '@idx/event-store';
import { type ScoringConfig, scoringConfig } from './config';
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
    { provide: CONFIG, useFactory: () => scoringConfig() },
    { provide: Pool, inject: [CONFIG], useFactory: (c: ScoringConfig) => watchPool(new Pool({ connectionString: c.databaseUrl, max: 4 })) },
    { provide: READ_MODELS, inject: [CONFIG], useFactory: (c: ScoringConfig) => createReadModelClient(c.databaseUrl, 4) },
    { provide: PostgresEventStore, inject: [Pool], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
    {
      provide: ScoringProjector,
      inject: [READ_MODELS, CONFIG],
      useFactory: (prisma: ReadModelClient, c: ScoringConfig) => new ScoringProjector(prisma, { partition: c.partition }),
    },
    ConnectionsCloser,
  ],
  exports: [CONFIG, Pool, PostgresEventStore, ScoringProjector],
})
export class InfrastructureModule {}
