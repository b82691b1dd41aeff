import { Query } from '@nestjs/cqrs';
import type { StreamEventsDto } from '@idx/contracts';

export class StreamHistoryQuery extends Query<StreamEventsDto | undefined> {
  constructor(readonly streamId: string) {
    super();
  }
}
