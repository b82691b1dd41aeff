import { BadRequestException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IngestResponseDto } from '@idx/contracts';
import { IngestionService, splitBatch, UnreadableBatchError } from '@idx/ingestion';
import { PostgresDeadLetters } from '@idx/event-store';
import { RecordEventsCommand } from './record-events.command';

@CommandHandler(RecordEventsCommand)
export class RecordEventsHandler implements ICommandHandler<RecordEventsCommand, IngestResponseDto> {
  constructor(private readonly ingestion: IngestionService, private readonly deadLetters: PostgresDeadLetters) {}

  async execute({ body, contentType, source }: RecordEventsCommand): Promise<IngestResponseDto> {
    try {
      return await this.ingestion.ingest(splitBatch(body, contentType), source);
    } catch (error) {
      if (!(error instanceof UnreadableBatchError)) throw error;
      await this.deadLetters.keep([{ source, reason: error.message, raw: body }]);
      throw new BadRequestException({ status: 'rejected', reason: error.message });
    }
  }
}
