import { Module } from '@nestjs/common';
import { PostgresDeadLetters, PostgresEventStore } from '@idx/event-store';
import { PortalSyncService, PostgresCredentials, PostgresPortalSessions, DirectoryUnitCodeResolver, UnitDirectory } from '@idx/ingestion';
import { Pool } from 'pg';
import { CONFIG } from '../infrastructure.module';
import type { IngestConfig } from '../config';
import { PortalSyncController } from './portal-sync.controller';
import { PortalLoginHandler, PortalSyncHandler } from './portal-sync.handlers';

/** The national portal's sync format: login, DongBoHoSoMC, CapNhatTienDoHoSoMC (docs/portal-sync.md). */
@Module({
  controllers: [PortalSyncController],
  providers: [
    PortalLoginHandler,
    PortalSyncHandler,
    {
      provide: PostgresPortalSessions, inject: [Pool, PostgresCredentials, CONFIG],
      useFactory: (pool: Pool, credentials: PostgresCredentials, config: IngestConfig) => new PostgresPortalSessions(pool, credentials, config.portalSessionSeconds),
    },
    {
      provide: PortalSyncService, inject: [Pool, PostgresEventStore, PostgresDeadLetters, UnitDirectory],
      useFactory: (pool: Pool, store: PostgresEventStore, dead: PostgresDeadLetters, units: UnitDirectory) =>
        new PortalSyncService(pool, store, dead, units, new DirectoryUnitCodeResolver(units)),
    },
  ],
})
export class PortalSyncModule {}
