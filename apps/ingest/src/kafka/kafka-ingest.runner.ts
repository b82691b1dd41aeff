import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CachedAuthenticator, IngestionService, KafkaIngestConsumer, type KafkaIngestStatus } from '@idx/ingestion';
import type { IngestConfig } from '../config';
import { CONFIG } from '../infrastructure.module';

/**
 * Starts the Kafka consumer with the app when KAFKA_BROKERS is set, and stops it (finishing and
 * committing the batch in hand) before the database pool closes.
 */
@Injectable()
export class KafkaIngestRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ingest-kafka');
  private consumer?: KafkaIngestConsumer;

  constructor(
    @Inject(CONFIG) private readonly config: IngestConfig,
    private readonly ingestion: IngestionService,
    private readonly keys: CachedAuthenticator,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = this.config.kafka;
    if (!kafka) return;
    this.consumer = new KafkaIngestConsumer(this.ingestion, this.keys, { ...kafka, logger: this.logger });
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  status(): KafkaIngestStatus | undefined {
    return this.consumer?.status();
  }
}
