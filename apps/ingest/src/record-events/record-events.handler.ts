import { BadRequestException, UnauthorizedException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IngestResponseDto } from '@idx/contracts';
import { IngestionService, PostgresCredentials, splitBatch, UnreadableBatchError } from '@idx/ingestion';
import { PostgresDeadLetters } from '@idx/event-store';
import { RecordEventsCommand } from './record-events.command';

/** Where the bytes of a request without a valid credential are kept (dead_letters.source). */
export const UNAUTHENTICATED_SOURCE = 'http:unauthenticated';

@CommandHandler(RecordEventsCommand)
export class RecordEventsHandler implements ICommandHandler<RecordEventsCommand, IngestResponseDto> {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly deadLetters: PostgresDeadLetters,
    private readonly credentials: PostgresCredentials,
  ) {}

  async execute({ body, contentType, authorization }: RecordEventsCommand): Promise<IngestResponseDto> {
    // Who is writing comes first: without a valid key nothing is parsed, only kept.
    const auth = await this.credentials.authenticate(authorization);
    if (!auth.ok) {
      if (body.length > 0) await this.deadLetters.keep([{ source: UNAUTHENTICATED_SOURCE, reason: auth.reason, raw: body }]);
      throw new UnauthorizedException({ status: 'rejected', reason: auth.reason });
    }
    if (body.length === 0) throw new BadRequestException({ status: 'rejected', reason: 'empty body: send a JSON array of events or NDJSON' });
    // The recorded source is the authenticated one, never a header the sender chose.
    const source = `http:${auth.writer.sourceSystem}`;
    try {
      return await this.ingestion.ingest(splitBatch(body, contentType), source, auth.writer);
    } catch (error) {
      if (!(error instanceof UnreadableBatchError)) throw error;
      await this.deadLetters.keep([{ source, reason: error.message, raw: body }]);
      throw new BadRequestException({ status: 'rejected', reason: error.message });
    }
  }
}
