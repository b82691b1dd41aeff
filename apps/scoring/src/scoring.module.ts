import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure.module';
import { LogSealRunner } from './log-seal/log-seal-runner';
import { ProjectionRunner } from './projection/projection-runner';
import { ScoresChangedHandler } from './projection/scores-changed.handler';

@Module({
  imports: [CqrsModule.forRoot(), InfrastructureModule],
  controllers: [HealthController],
  providers: [ProjectionRunner, ScoresChangedHandler, LogSealRunner],
})
export class ScoringModule {}
