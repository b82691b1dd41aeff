import { Controller, Get, Inject } from '@nestjs/common';
import { Pool } from 'pg';

@Controller('health')
export class HealthController {
  constructor(@Inject(Pool) private readonly pool: Pool) {}

  @Get()
  async health(): Promise<{ status: 'ok'; service: 'ingest'; database: 'up' }> {
    await this.pool.query('SELECT 1');
    return { status: 'ok', service: 'ingest', database: 'up' };
  }
}
