import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { IngestResponseDto } from '@idx/contracts';
import type { Request } from 'express';
import { RecordEventsCommand } from './record-events.command';

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Append dossier, procedure, petition and unit events (JSON array or NDJSON), as the one-stop system whose API key is sent' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ description: 'A JSON array of event envelopes, or one envelope per line (NDJSON)' })
  @ApiOkResponse({ description: 'One result per event: accepted (with global position), duplicate, conflict or rejected (with reason)' })
  @ApiUnauthorizedResponse({ description: 'No API key, or one that is unknown, rotated out or revoked (the body is kept as a dead letter)' })
  async post(@Req() req: Request, @Headers('content-type') contentType?: string, @Headers('authorization') authorization?: string): Promise<IngestResponseDto> {
    const body: unknown = req.body;
    return this.commands.execute(new RecordEventsCommand(Buffer.isBuffer(body) ? body : Buffer.alloc(0), contentType, authorization));
  }
}
