import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import { Controller, Get, Inject } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestsInFlight } from '@idx/nest-platform';
import { Pool } from 'pg';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(Pool) private readonly pool: Pool, private readonly adapterHost: HttpAdapterHost) {}

  @Get()
  @ApiOkResponse({ description: 'Alive, with its load', schema: apiSchemaRef('IngestHealth') })
  async health(): Promise<{ status: 'ok'; service: 'ingest'; database: 'up'; requests: { inFlight: number; maxConcurrent: number } | null }> {
    await this.pool.query('SELECT 1');
    const inFlight = requestsInFlight(this.adapterHost);
    // Requests being answered now against MAX_CONCURRENT_REQUESTS (health itself is not counted).
    return { status: 'ok', service: 'ingest', database: 'up', requests: inFlight ? { inFlight: inFlight.current, maxConcurrent: inFlight.limit } : null };
  }
}
