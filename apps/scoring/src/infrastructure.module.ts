import { Global, Module } from '@nestjs/common';
import { PostgresEventStore } from '@idx/event-store';
import { DatabaseModule, READ_MODELS } from '@idx/nest-platform';
import type { ReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { type ScoringConfig, scoringConfig } from './config';
import { CONFIG } from './tokens';

@Global()
@Module({
  imports: [DatabaseModule.forRoot(() => ({ databaseUrl: scoringConfig().databaseUrl, poolSize: 4, readModelConnections: 4 }))],
  providers: [
    { provide: CONFIG, useFactory: () => scoringConfig() },
    { provide: PostgresEventStore, inject: [Pool], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
    {
      provide: ScoringProjector,
      inject: [READ_MODELS, CONFIG],
      useFactory: (prisma: ReadModelClient, c: ScoringConfig) => new ScoringProjector(prisma, { partition: c.partition }),
    },
  ],
  exports: [CONFIG, PostgresEventStore, ScoringProjector],
})
export class InfrastructureModule {}
