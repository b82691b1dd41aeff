import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type RankingDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { ScoreQueries } from '@idx/score-queries';
import { ReadScope } from '../access/access.decorators';
import { OptionalKnownUnitPipe } from '../known-unit.pipe';
import { periodParam } from '../period-param';
import { instantParam, oneOfParam } from '../request-params';
import { rankingSortParam } from './ranking-sort-param';

const LEVELS = ['province', 'department', 'district', 'commune'] as const;

@ApiTags('rankings')
@Controller('api/v1/rankings')
export class RankingsController {
  constructor(private readonly scores: ScoreQueries) {}

  @Get()
  // A parent's ranking is a read of that unit's subtree; without one it is national, except that
  // provincial officials may see where their province stands among the provinces.
  @ReadScope((req) =>
    typeof req.query['parent'] === 'string' ? { kind: 'unit', unitCode: req.query['parent'] } : req.query['level'] === 'province' ? { kind: 'province-ranking' } : { kind: 'national' },
  )
  @ApiOperation({ summary: 'Units ranked by total for a period (ties share a rank); each group ranked among the same peers' })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; default: current month' })
  @ApiQuery({ name: 'level', required: false, enum: LEVELS })
  @ApiQuery({ name: 'parent', required: false, description: 'only units under this parent unit code' })
  @ApiQuery({ name: 'sort', required: false, description: 'total (default) or a group id (transparency, progress, online-service, online-payment, satisfaction, digitisation): rows ordered by that group\'s rank among their peers' })
  @ApiQuery({ name: 'asOf', required: false, description: 'record-time instant: the ranking as it stood then, recomputed from the events (ISO-8601)' })
  @ApiOkResponse({ description: 'The ranking, with the peers\' average', schema: apiSchemaRef('Ranking') })
  @ApiErrorAnswers({ 400: 'Malformed period, level, parent, sort or asOf', 404: 'Unknown parent unit' })
  ranking(
    @Query('period') period?: unknown, @Query('level') level?: unknown, @Query('parent', OptionalKnownUnitPipe) parent?: string, @Query('asOf') asOf?: unknown,
    @Query('sort') sort?: unknown,
  ): Promise<RankingDto> {
    const key = periodParam(period);
    return this.scores.ranking(key, { level: oneOfParam('level', level, LEVELS), parent, sort: rankingSortParam(sort, key) }, instantParam('asOf', asOf));
  }
}
