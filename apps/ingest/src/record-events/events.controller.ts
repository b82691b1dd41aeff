import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type IngestResponseDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
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
  @ApiBody({
    description: 'A JSON array of event envelopes (application/json), or one envelope per line (application/x-ndjson): each line one EventBatch item',
    schema: apiSchemaRef('EventBatch'),
  })
  @ApiOkResponse({ description: 'One result per event: accepted (with global position), duplicate, conflict or rejected (with reason); HTTP 200 even when some are rejected', schema: apiSchemaRef('IngestResponse') })
  @ApiErrorAnswers({
    400: 'An empty body, or one not readable as a JSON array or NDJSON (kept as a dead letter)',
    401: 'No API key, or one that is unknown, rotated out or revoked (the body is kept as a dead letter)',
    413: 'The body exceeds INGEST_MAX_BODY_BYTES',
    415: 'Content-Type is neither application/json nor application/x-ndjson',
  })
  async post(@Req() req: Request, @Headers('content-type') contentType?: string, @Headers('authorization') authorization?: string): Promise<IngestResponseDto> {
    const body: unknown = req.body;
    return this.commands.execute(new RecordEventsCommand(Buffer.isBuffer(body) ? body : Buffer.alloc(0), contentType, authorization));
  }
}
