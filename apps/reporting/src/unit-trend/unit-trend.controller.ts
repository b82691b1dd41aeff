import { Controller, Get, Param, Query } from '@nestjs/common';
import { UnitRead } from '../access/access.decorators';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type UnitTrendDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { ExplainQueries } from '@idx/score-queries';
import { KnownUnitPipe } from '../known-unit.pipe';
import { monthKeyParam, wholeNumberParam } from '../request-params';

@ApiTags('scores')
@Controller('api/v1/units')
export class UnitTrendController {
  constructor(private readonly queries: ExplainQueries) {}

  @Get(':unitCode/trend')
  @UnitRead()
  @ApiOperation({ summary: "A unit's monthly totals and groups, oldest first" })
  @ApiQuery({ name: 'to', required: false, description: 'last month, YYYY-MM (default: current month)' })
  @ApiQuery({ name: 'months', required: false, description: 'how many months (1–36, default 12)' })
  @ApiOkResponse({ description: 'Monthly totals, oldest first', schema: apiSchemaRef('UnitTrend') })
  @ApiErrorAnswers({ 400: 'Malformed unit code, to or months', 404: 'Unknown unit' })
  trend(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('to') to?: unknown, @Query('months') months?: unknown): Promise<UnitTrendDto> {
    return this.queries.trend(unitCode, monthKeyParam('to', to), wholeNumberParam('months', months, 1, 36, 12));
  }
}
