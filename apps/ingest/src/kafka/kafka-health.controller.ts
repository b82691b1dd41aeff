import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import type { KafkaIngestStatus } from '@idx/ingestion';
import { KafkaIngestRunner } from './kafka-ingest.runner';

@ApiTags('health')
@Controller('health/kafka')
export class KafkaHealthController {
  constructor(private readonly runner: KafkaIngestRunner) {}

  /** The consumer's state, partitions, counts and lag; `{ enabled: false }` without KAFKA_BROKERS. */
  @Get()
  @ApiOkResponse({ description: 'The Kafka consumer\'s state, or enabled: false without KAFKA_BROKERS', schema: apiSchemaRef('KafkaHealth') })
  @ApiErrorAnswers({ 503: 'The consumer is configured but not running (its status is in the body)' })
  health(): { enabled: false } | ({ enabled: true } & KafkaIngestStatus) {
    const status = this.runner.status();
    if (!status) return { enabled: false };
    if (status.state !== 'running') throw new ServiceUnavailableException({ enabled: true, ...status });
    return { enabled: true, ...status };
  }
}
