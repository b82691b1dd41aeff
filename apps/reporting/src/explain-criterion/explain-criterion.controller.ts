import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { UnitRead } from '../access/access.decorators';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type ExplainDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { ExplainQueries } from '@idx/score-queries';
import { KnownUnitPipe } from '../known-unit.pipe';
import { periodParam } from '../period-param';
import { criterionParam } from '../request-params';

@ApiTags('explain')
@Controller('api/v1/units')
export class ExplainCriterionController {
  constructor(private readonly queries: ExplainQueries) {}

  @Get(':unitCode/explain')
  @UnitRead()
  @ApiOperation({ summary: "The dossiers, procedures or petitions behind one criterion's numerator and denominator, those that cost points first" })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd' })
  @ApiQuery({ name: 'criterion', required: true, description: '1–21' })
  @ApiOkResponse({ description: 'The criterion and the subjects behind it, those that cost points first', schema: apiSchemaRef('Explain') })
  @ApiErrorAnswers({ 400: 'Malformed unit code or period, or a criterion outside 1–21', 404: 'Unknown unit, or no score for it in that period' })
  async explain(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('period') period?: unknown, @Query('criterion') criterion?: unknown): Promise<ExplainDto> {
    const key = periodParam(period);
    const found = await this.queries.explain(unitCode, key, criterionParam(criterion));
    if (!found) throw new NotFoundException({ reason: `unit ${unitCode} is not known and has no score for ${key}` });
    return found;
  }
}
