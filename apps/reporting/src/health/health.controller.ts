import { Controller, Get, Inject } from '@nestjs/common';
import { Pool } from 'pg';
import { Public } from '../access/access.decorators';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(Pool) private readonly pool: Pool) {}

  @Get()
  async health(): Promise<{ status: 'ok'; service: 'reporting'; database: 'up'; lastEventPosition: string }> {
    const r = await this.pool.query<{ p: string | null }>('SELECT max(global_position)::text AS p FROM events');
    return { status: 'ok', service: 'reporting', database: 'up', lastEventPosition: r.rows[0].p ?? '0' };
  }
}
