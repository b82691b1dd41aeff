import { Command } from '@nestjs/cqrs';
import type { IngestResponseDto } from '@idx/contracts';

/** A batch of raw bytes as posted, with the sender's Authorization header (`Bearer <api key>`). */
export class RecordEventsCommand extends Command<IngestResponseDto> {
  constructor(readonly body: Buffer, readonly contentType: string | undefined, readonly authorization: string | undefined) {
    super();
  }
}
