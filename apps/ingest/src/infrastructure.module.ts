import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { IngestionService } from '@idx/ingestion';
import { PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { Pool } from 'pg';
import { watchPool } from '@idx/event-store';
import { ingestConfig } from './config';

export const CONFIG = Symbol('IngestConfig');

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(Pool) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: () => ingestConfig() },
    { provide: Pool, inject: [CONFIG], useFactory: (c: ReturnType<typeof ingestConfig>) => watchPool(new Pool({ connectionString: c.databaseUrl, max: 16 })) },
    { provide: PostgresEventStore, inject: [Pool], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
    { provide: PostgresDeadLetters, inject: [Pool], useFactory: (pool: Pool) => new PostgresDeadLetters(pool) },
    {
      provide: IngestionService,
      inject: [PostgresEventStore, PostgresDeadLetters],
      useFactory: (store: PostgresEventStore, dead: PostgresDeadLetters) => new IngestionService(store, dead),
    },
    PoolCloser,
  ],
  exports: [CONFIG, Pool, PostgresEventStore, PostgresDeadLetters, IngestionService],
})
export class InfrastructureModule {}
