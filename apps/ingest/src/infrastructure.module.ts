import { Global, Module } from '@nestjs/common';
import { IngestionService } from '@idx/ingestion';
import { PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { DatabaseModule } from '@idx/nest-platform';
import { Pool } from 'pg';
import { ingestConfig } from './config';

export const CONFIG = Symbol('IngestConfig');

@Global()
@Module({
  imports: [DatabaseModule.forRoot(() => ({ databaseUrl: ingestConfig().databaseUrl, poolSize: 16, readModelConnections: 0 }))],
  providers: [
    { provide: CONFIG, useFactory: () => ingestConfig() },
    { provide: PostgresEventStore, inject: [Pool], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
    { provide: PostgresDeadLetters, inject: [Pool], useFactory: (pool: Pool) => new PostgresDeadLetters(pool) },
    {
      provide: IngestionService,
      inject: [PostgresEventStore, PostgresDeadLetters],
      useFactory: (store: PostgresEventStore, dead: PostgresDeadLetters) => new IngestionService(store, dead),
    },
  ],
  exports: [CONFIG, PostgresEventStore, PostgresDeadLetters, IngestionService],
})
export class InfrastructureModule {}
