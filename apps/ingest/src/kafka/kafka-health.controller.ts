import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import type { KafkaIngestStatus } from '@idx/ingestion';
import { KafkaIngestRunner } from './kafka-ingest.runner';

@Controller('health/kafka')
export class KafkaHealthController {
  constructor(private readonly runner: KafkaIngestRunner) {}

  /** The consumer's state, partitions, counts and lag; `{ enabled: false }` without KAFKA_BROKERS. */
  @Get()
  health(): { enabled: false } | ({ enabled: true } & KafkaIngestStatus) {
    const status = this.runner.status();
    if (!status) return { enabled: false };
    if (status.state !== 'running') throw new ServiceUnavailableException({ enabled: true, ...status });
    return { enabled: true, ...status };
  }
}
