import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type AccessSettings, accessSettings, AuditLog, ConsoleAccess } from '@idx/access';
import { Pool } from 'pg';
import { AccessGuard } from './access.guard';
import { AccessPolicy } from './access-policy.service';
import { AuditLogController } from './audit-log.controller';
import { AuthController } from './auth.controller';

const SETTINGS = Symbol('AccessSettings');

/** Console accounts on the reporting API: sessions, CSRF, roles and scopes on every route, the audit log. */
@Module({
  controllers: [AuthController, AuditLogController],
  providers: [
    { provide: SETTINGS, useFactory: () => accessSettings() },
    { provide: ConsoleAccess, inject: [Pool, SETTINGS], useFactory: (pool: Pool, settings: AccessSettings) => new ConsoleAccess(pool, settings) },
    { provide: AuditLog, inject: [Pool], useFactory: (pool: Pool) => new AuditLog(pool) },
    AccessPolicy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ConsoleAccess, AuditLog, AccessPolicy],
})
export class AccessModule {}
