import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import { Controller, Get, Inject } from '@nestjs/common';
import { PostgresEventStore } from '@idx/event-store';
import { READ_MODELS } from '@idx/nest-platform';
import type { ReadModelClient } from '@idx/read-models';
import { ScoringProjector, scoringHealth, type ScoringHealthReport } from '@idx/scoring-projection';
import type { ScoringConfig } from '../config';
import { LogSealRunner, type LogSealStatus } from '../log-seal/log-seal-runner';
import { ProjectionRunner, type ProjectionStatus } from '../projection/projection-runner';
import { CONFIG } from '../tokens';

/**
 * Always HTTP 200 while the process serves (a load balancer must not kill it for a parked
 * subject); the status word says `degraded` when anything is parked, a recompute failed, or the
 * checkpoint is stuck while events wait — with counts and the oldest item (docs/scoring-resilience.md) —
 * and when sealing the log stopped because its stored seals no longer hold (docs/tamper-evidence.md).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly projector: ScoringProjector,
    private readonly store: PostgresEventStore,
    @Inject(READ_MODELS) private readonly prisma: ReadModelClient,
    @Inject(CONFIG) private readonly config: ScoringConfig,
    private readonly seals: LogSealRunner,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Alive, with its load', schema: apiSchemaRef('ScoringHealth') })
  async health(): Promise<(ScoringHealthReport | { status: 'degraded'; reasons: string[] }) & { service: 'scoring'; projection: ProjectionStatus; logSeal: LogSealStatus }> {
    const projection = this.runner.status();
    const logSeal = this.seals.status();
    try {
      const report = await scoringHealth(this.prisma, this.store, this.projector.name, this.config.stallSeconds);
      if (!logSeal.halted) return { ...report, service: 'scoring', projection, logSeal };
      return { ...report, status: 'degraded', reasons: [...report.reasons, `log sealing stopped: ${logSeal.halted}`], service: 'scoring', projection, logSeal };
    } catch (error) {
      return { status: 'degraded', reasons: [`the database cannot be read: ${(error as Error).message}`], service: 'scoring', projection, logSeal };
    }
  }
}
