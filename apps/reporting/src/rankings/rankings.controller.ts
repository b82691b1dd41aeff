import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { RankingDto } from '@idx/contracts';
import { ReadScope } from '../access/access.decorators';
import { periodParam } from '../period-param';
import { instantParam } from '../request-params';

const LEVELS = ['province', 'department', 'district', 'commune'];
import { GetRankingQuery } from './get-ranking.query';

@ApiTags('rankings')
@Controller('api/v1/rankings')
export class RankingsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  // A parent's ranking is a read of that unit's subtree; without one it is national, except that
  // provincial officials may see where their province stands among the provinces.
  @ReadScope((req) =>
    typeof req.query['parent'] === 'string' ? { kind: 'unit', unitCode: req.query['parent'] } : req.query['level'] === 'province' ? { kind: 'province-ranking' } : { kind: 'national' },
  )
  @ApiOperation({ summary: 'Units ranked by total for a period (ties share a rank)' })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; default: current month' })
  @ApiQuery({ name: 'level', required: false, enum: ['province', 'department', 'district', 'commune'] })
  @ApiQuery({ name: 'parent', required: false, description: 'only units under this parent unit code' })
  @ApiQuery({ name: 'asOf', required: false, description: 'record-time instant: the ranking as it stood then, recomputed from the events (ISO-8601)' })
  ranking(@Query('period') period?: string, @Query('level') level?: string, @Query('parent') parent?: string, @Query('asOf') asOf?: string): Promise<RankingDto> {
    if (level !== undefined && !LEVELS.includes(level)) throw new BadRequestException({ reason: `level: "${level}" is not one of ${LEVELS.join(', ')}` });
    return this.queries.execute(new GetRankingQuery(periodParam(period), { level, parent }, instantParam('asOf', asOf)));
  }
}
