import { Command } from '@nestjs/cqrs';
import type { IngestResponseDto } from '@idx/contracts';

/** A batch of raw bytes from a sender, as posted. */
export class RecordEventsCommand extends Command<IngestResponseDto> {
  constructor(readonly body: Buffer, readonly contentType: string | undefined, readonly source: string) {
    super();
  }
}
