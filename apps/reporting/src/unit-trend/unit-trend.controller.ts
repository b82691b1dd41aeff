import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { UnitRead } from '../access/access.decorators';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { UnitTrendDto } from '@idx/contracts';
import { KnownUnitPipe } from '../known-unit.pipe';
import { monthKeyParam, wholeNumberParam } from '../request-params';
import { GetUnitTrendQuery } from './get-unit-trend.query';

@ApiTags('scores')
@Controller('api/v1/units')
export class UnitTrendController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':unitCode/trend')
  @UnitRead()
  @ApiOperation({ summary: "A unit's monthly totals and groups, oldest first" })
  @ApiQuery({ name: 'to', required: false, description: 'last month, YYYY-MM (default: current month)' })
  @ApiQuery({ name: 'months', required: false, description: 'how many months (1–36, default 12)' })
  trend(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('to') to?: unknown, @Query('months') months?: unknown): Promise<UnitTrendDto> {
    return this.queries.execute(new GetUnitTrendQuery(unitCode, monthKeyParam('to', to), wholeNumberParam('months', months, 1, 36, 12)));
  }
}
