import { Controller, Get } from '@nestjs/common';
import { ProjectionRunner, type ProjectionStatus } from '../projection/projection-runner';

@Controller('health')
export class HealthController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  health(): { status: 'ok'; service: 'scoring'; projection: ProjectionStatus } {
    return { status: 'ok', service: 'scoring', projection: this.runner.status() };
  }
}
