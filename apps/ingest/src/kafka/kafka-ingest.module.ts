import { Module } from '@nestjs/common';
import { KafkaHealthController } from './kafka-health.controller';
import { KafkaIngestRunner } from './kafka-ingest.runner';

/** Kafka ingestion (distributed mode): a consumer beside the HTTP endpoint, sharing its ingestion service. */
@Module({
  controllers: [KafkaHealthController],
  providers: [KafkaIngestRunner],
  exports: [KafkaIngestRunner],
})
export class KafkaIngestModule {}
