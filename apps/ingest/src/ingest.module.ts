import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';
import { KafkaIngestModule } from './kafka/kafka-ingest.module';
import { PortalSyncModule } from './portal-sync/portal-sync.module';
import { EventsController } from './record-events/events.controller';
import { RecordEventsHandler } from './record-events/record-events.handler';

@Module({
  imports: [CqrsModule.forRoot(), InfrastructureModule, KafkaIngestModule, PortalSyncModule],
  controllers: [EventsController, HealthController],
  providers: [RecordEventsHandler],
})
export class IngestModule {}
