import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { StreamEventsDto } from '@idx/contracts';
import { PostgresHistoryReader } from '@idx/event-store';
import { streamHistory } from '@idx/read-models';
import { StreamHistoryQuery } from './stream-history.query';

@QueryHandler(StreamHistoryQuery)
export class StreamHistoryHandler implements IQueryHandler<StreamHistoryQuery, StreamEventsDto | undefined> {
  constructor(private readonly reader: PostgresHistoryReader) {}

  execute({ streamId }: StreamHistoryQuery): Promise<StreamEventsDto | undefined> {
    return streamHistory(this.reader, streamId);
  }
}
