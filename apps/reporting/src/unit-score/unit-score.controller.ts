import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { UnitRead } from '../access/access.decorators';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type UnitScoreDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { ScoreQueries } from '@idx/score-queries';
import { KnownUnitPipe } from '../known-unit.pipe';
import { periodParam } from '../period-param';
import { instantParam } from '../request-params';

@ApiTags('scores')
@Controller('api/v1/units')
export class UnitScoreController {
  constructor(private readonly scores: ScoreQueries) {}

  @Get(':unitCode/scores')
  @UnitRead()
  @ApiOperation({ summary: "A unit's score for a period: every criterion (numerator, denominator, ratio, points, max), groups and total" })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd; default: current month' })
  @ApiQuery({ name: 'asOf', required: false, description: 'record-time instant: the score as it stood then, recomputed from the events (ISO-8601)' })
  @ApiOkResponse({ description: 'The score', schema: apiSchemaRef('UnitScore') })
  @ApiErrorAnswers({ 400: 'Malformed unit code, period or asOf', 404: 'Unknown unit, or no score for it in that period' })
  async score(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('period') period?: unknown, @Query('asOf') asOf?: unknown): Promise<UnitScoreDto> {
    const key = periodParam(period);
    const at = instantParam('asOf', asOf);
    const score = await this.scores.unitScore(unitCode, key, at);
    if (!score && at) throw new NotFoundException({ reason: `unit ${unitCode} was not known yet as of ${at.toISOString()}: nothing about it had been recorded by then` });
    if (!score) throw new NotFoundException({ reason: `unit ${unitCode} is not known and has no score for ${key}` });
    return score;
  }
}
