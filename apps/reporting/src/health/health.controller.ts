import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import { Controller, Get, Inject } from '@nestjs/common';
import { SseBroadcaster } from '@idx/nest-platform';
import { Pool } from 'pg';
import { Public } from '../access/access.decorators';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(Pool) private readonly pool: Pool, private readonly stream: SseBroadcaster) {}

  @Get()
  @ApiOkResponse({ description: 'Alive, with its load', schema: apiSchemaRef('ReportingHealth') })
  async health(): Promise<{ status: 'ok'; service: 'reporting'; database: 'up'; lastEventPosition: string; stream: { connections: number; maxConnections: number } }> {
    const r = await this.pool.query<{ p: string | null }>('SELECT max(global_position)::text AS p FROM events');
    return {
      status: 'ok', service: 'reporting', database: 'up', lastEventPosition: r.rows[0].p ?? '0',
      // Open live-stream connections: back to 0 once every browser has gone (nothing is kept per closed connection).
      stream: { connections: this.stream.connections, maxConnections: this.stream.limits.maxConnections },
    };
  }
}
