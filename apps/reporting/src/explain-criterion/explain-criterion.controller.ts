import { BadRequestException, ConflictException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { UnitRead } from '../access/access.decorators';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, EXPLAIN_CATEGORIES, type ExplainDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { EXPLAIN_PAGE_SIZE, ExplainCursorRejected, ExplainQueries } from '@idx/score-queries';
import { KnownUnitPipe } from '../known-unit.pipe';
import { periodParam } from '../period-param';
import { criterionParam } from '../request-params';
import { explainPageParams } from './explain-page-params';

@ApiTags('explain')
@Controller('api/v1/units')
export class ExplainCriterionController {
  constructor(private readonly queries: ExplainQueries) {}

  @Get(':unitCode/explain')
  @UnitRead()
  @ApiOperation({ summary: "One page of the dossiers, procedures or petitions behind one criterion's numerator and denominator, those that cost points first, with the totals of the whole list" })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd' })
  @ApiQuery({ name: 'criterion', required: true, description: '1–21' })
  @ApiQuery({ name: 'size', required: false, description: `items per page, 1–${EXPLAIN_PAGE_SIZE.max} (default ${EXPLAIN_PAGE_SIZE.default})` })
  @ApiQuery({ name: 'category', required: false, enum: EXPLAIN_CATEGORIES, description: 'all (default), costs-points or counted (in the numerator)' })
  @ApiQuery({ name: 'cursor', required: false, description: "the previous answer's page.next; absent for the first page" })
  @ApiOkResponse({ description: 'The criterion, the totals per category and one page of the subjects behind it', schema: apiSchemaRef('Explain') })
  @ApiErrorAnswers({
    400: 'Malformed unit code, period, size, category or cursor, a criterion outside 1–21, or a cursor of another list',
    404: 'Unknown unit, or no score for it in that period',
    409: 'The cursor pages a version of the list no longer kept (changed more than 10 minutes ago, or rebuilt): load the first page again',
  })
  async explain(
    @Param('unitCode', KnownUnitPipe) unitCode: string, @Query('period') period?: unknown, @Query('criterion') criterion?: unknown,
    @Query('size') size?: unknown, @Query('category') category?: unknown, @Query('cursor') cursor?: unknown,
  ): Promise<ExplainDto> {
    const key = periodParam(period);
    const which = criterionParam(criterion);
    const page = explainPageParams(size, category, cursor);
    try {
      const found = await this.queries.explain(unitCode, key, which, page);
      if (!found) throw new NotFoundException({ reason: `unit ${unitCode} is not known and has no score for ${key}` });
      return found;
    } catch (error) {
      if (!(error instanceof ExplainCursorRejected)) throw error;
      throw error.gone ? new ConflictException({ reason: error.message }) : new BadRequestException({ reason: error.message });
    }
  }
}
