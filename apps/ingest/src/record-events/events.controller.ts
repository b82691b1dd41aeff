import { BadRequestException, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IngestResponseDto } from '@idx/contracts';
import type { Request } from 'express';
import { RecordEventsCommand } from './record-events.command';

@ApiTags('ingest')
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Append dossier, procedure, petition and unit events (JSON array or NDJSON)' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ description: 'A JSON array of event envelopes, or one envelope per line (NDJSON)' })
  @ApiOkResponse({ description: 'One result per event: accepted (with global position), duplicate or rejected (with reason)' })
  async post(@Req() req: Request, @Headers('content-type') contentType?: string, @Headers('x-source-system') sender?: string): Promise<IngestResponseDto> {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new BadRequestException({ status: 'rejected', reason: 'empty body: send a JSON array of events or NDJSON' });
    }
    return this.commands.execute(new RecordEventsCommand(body, contentType, `http:${sender ?? req.ip ?? 'unknown'}`));
  }
}
