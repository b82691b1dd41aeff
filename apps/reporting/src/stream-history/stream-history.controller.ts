import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type StreamEventsDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { PostgresHistoryReader } from '@idx/event-store';
import { streamHistory } from '@idx/audit';
import { ReadScope } from '../access/access.decorators';
import { streamIdParam } from '../request-params';

@ApiTags('audit')
@Controller('api/v1/streams')
export class StreamHistoryController {
  constructor(private readonly reader: PostgresHistoryReader) {}

  @Get(':streamId/events')
  @ReadScope((req) => ({ kind: 'stream', streamId: String(req.params['streamId'] ?? '') }))
  @ApiOperation({ summary: "A dossier's, procedure's, petition's or unit's event history, with its hash chain checked" })
  @ApiOkResponse({ description: 'Every stored event of the stream, oldest first, and whether its hash chain holds', schema: apiSchemaRef('StreamEvents') })
  @ApiErrorAnswers({ 400: 'Malformed stream id (dossier-…, procedure-…, petition-…, unit-…)', 404: 'No such stream' })
  async events(@Param('streamId') streamId: string): Promise<StreamEventsDto> {
    const id = streamIdParam(streamId);
    const found = await streamHistory(this.reader, id);
    if (!found) throw new NotFoundException({ reason: `streamId: no stream "${id}" is stored; stream ids come from /explain (items[].streamId)` });
    return found;
  }
}
