import { Module } from '@nestjs/common';
import { READ_MODELS } from '@idx/nest-platform';
import { ParkedSubjects, ScoringProjector } from '@idx/scoring-projection';
import type { ReadModelClient } from '@idx/read-models';
import { AccessModule } from '../access/access.module';
import { ParkedEventsController } from './parked-events.controller';

/** The auditor's view of parked scoring subjects: list, retry, skip. A retry folds here, under the projection lock. */
@Module({
  imports: [AccessModule],
  controllers: [ParkedEventsController],
  providers: [
    { provide: ParkedSubjects, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new ParkedSubjects(prisma) },
    { provide: ScoringProjector, inject: [READ_MODELS], useFactory: (prisma: ReadModelClient) => new ScoringProjector(prisma) },
  ],
})
export class ParkedEventsModule {}
