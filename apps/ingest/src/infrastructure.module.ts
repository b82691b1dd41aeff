import { Global, Module } from '@nestjs/common';
import { CachedAuthenticator, IngestionService, PostgresCredentials, UnitDirectory } from '@idx/ingestion';
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
    { provide: PostgresCredentials, inject: [Pool], useFactory: (pool: Pool) => new PostgresCredentials(pool) },
    // Kafka checks a key per message: answers are remembered a few seconds (a revoked key stops within that).
    { provide: CachedAuthenticator, inject: [PostgresCredentials], useFactory: (keys: PostgresCredentials) => new CachedAuthenticator(keys) },
    { provide: UnitDirectory, inject: [Pool], useFactory: (pool: Pool) => new UnitDirectory(pool) },
    {
      provide: IngestionService,
      inject: [PostgresEventStore, PostgresDeadLetters, UnitDirectory],
      useFactory: (store: PostgresEventStore, dead: PostgresDeadLetters, units: UnitDirectory) => new IngestionService(store, dead, units),
    },
  ],
  exports: [CONFIG, PostgresEventStore, PostgresDeadLetters, PostgresCredentials, CachedAuthenticator, IngestionService, UnitDirectory],
})
export class InfrastructureModule {}
