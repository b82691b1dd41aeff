import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  PORTAL_LOGIN_ANSWER_SCHEMA, PORTAL_LOGIN_REQUEST_SCHEMA, PORTAL_SYNC_ANSWER_SCHEMA, PORTAL_SYNC_REQUEST_SCHEMA, type PortalLoginAnswer, type PortalSyncAnswer, type SyncService,
} from '@idx/portal-sync';
import { ApiErrorAnswers } from '@idx/nest-platform';
import type { Request } from 'express';
import { PortalLoginCommand, PortalSyncCommand } from './portal-sync.commands';

const bytesOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
const schema = (s: object) => s as Record<string, unknown>;
const REFUSED = { description: 'error_code "03": no valid session or key (the body is kept as a dead letter)', schema: schema({ type: 'object', properties: { error_code: { type: 'string' }, message: { type: 'string' } } }) };
const UNREADABLE = { description: 'error_code "02": the body is not a sync call (kept as a dead letter)', schema: schema({ type: 'object', properties: { error_code: { type: 'string' }, message: { type: 'string' } } }) };

/** The national portal's login and sync calls, with the same bodies (docs/portal-sync.md). Translation only. */
@ApiTags('portal-sync')
// The body bounds in front of these routes (bootstrap.ts) answer before the controller, with a reason.
@ApiErrorAnswers({ 413: 'The body exceeds INGEST_MAX_BODY_BYTES', 415: 'Content-Type is neither application/json nor application/x-ndjson' })
@Controller('api/v1/portal')
export class PortalSyncController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in as the portal\'s clients do: username = your source-system name, password = your API key → a session token' })
  @ApiBody({ schema: schema(PORTAL_LOGIN_REQUEST_SCHEMA) })
  @ApiOkResponse({ description: 'error_code "00" and the session', schema: schema(PORTAL_LOGIN_ANSWER_SCHEMA) })
  @ApiUnauthorizedResponse(REFUSED)
  login(@Req() req: Request): Promise<PortalLoginAnswer> {
    return this.commands.execute(new PortalLoginCommand(bytesOf(req)));
  }

  @Post('sync')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'DongBoHoSoMC or CapNhatTienDoHoSoMC (named by "service"), the same body as sent to the national portal' })
  @ApiBody({ schema: schema(PORTAL_SYNC_REQUEST_SCHEMA) })
  @ApiOkResponse({ description: 'One result per dossier: accepted (events derived), unchanged (nothing new) or rejected (with a reason per field)', schema: schema(PORTAL_SYNC_ANSWER_SCHEMA) })
  @ApiUnauthorizedResponse(REFUSED)
  @ApiBadRequestResponse(UNREADABLE)
  sync(@Req() req: Request, @Headers('authorization') authorization?: string): Promise<PortalSyncAnswer> {
    return this.commands.execute(new PortalSyncCommand(bytesOf(req), authorization));
  }

  @Post('DongBoHoSoMC')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Dossier snapshots (DongBoHoSoMC); "service" may be left out' })
  @ApiBody({ schema: schema(PORTAL_SYNC_REQUEST_SCHEMA) })
  @ApiOkResponse({ schema: schema(PORTAL_SYNC_ANSWER_SCHEMA) })
  @ApiUnauthorizedResponse(REFUSED)
  @ApiBadRequestResponse(UNREADABLE)
  dossiers(@Req() req: Request, @Headers('authorization') authorization?: string): Promise<PortalSyncAnswer> {
    return this.commands.execute(new PortalSyncCommand(bytesOf(req), authorization, 'DongBoHoSoMC' satisfies SyncService));
  }

  @Post('CapNhatTienDoHoSoMC')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Processing steps (CapNhatTienDoHoSoMC); "service" may be left out' })
  @ApiBody({ schema: schema(PORTAL_SYNC_REQUEST_SCHEMA) })
  @ApiOkResponse({ schema: schema(PORTAL_SYNC_ANSWER_SCHEMA) })
  @ApiUnauthorizedResponse(REFUSED)
  @ApiBadRequestResponse(UNREADABLE)
  steps(@Req() req: Request, @Headers('authorization') authorization?: string): Promise<PortalSyncAnswer> {
    return this.commands.execute(new PortalSyncCommand(bytesOf(req), authorization, 'CapNhatTienDoHoSoMC' satisfies SyncService));
  }
}
