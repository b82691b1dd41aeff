import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef, type RegistryUnitDto, type UnitSearchPageDto } from '@idx/contracts';
import { UnitRegistryQueries } from '@idx/score-queries';
import { ReadScope, UnitRead } from '../access/access.decorators';
import { unitCodeParam } from '../request-params';
import { localDateParam, UNIT_LEVELS, UNIT_PAGE, unitSearchParams } from './unit-search-params';

@ApiTags('units')
@Controller('api/v1/units')
export class UnitRegistryController {
  constructor(private readonly registry: UnitRegistryQueries) {}

  @Get()
  // The list of units is reference data, not figures: any reader (everyone while READS_PUBLIC).
  @ReadScope(() => ({ kind: 'any' }))
  @ApiOperation({ summary: 'Search the unit registry: by name (with or without diacritics), code or national code, level, parent and date; paged' })
  @ApiQuery({ name: 'q', required: false, description: 'part of a name ("Hung Yen" finds "Hưng Yên"), a unit code or a national code (H31, 000.00.12.H31, 00070); at most 100 characters' })
  @ApiQuery({ name: 'level', required: false, enum: UNIT_LEVELS })
  @ApiQuery({ name: 'parent', required: false, description: 'only the units directly under this unit code' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: only units that existed that day, named as then; default: every unit ever, latest name' })
  @ApiQuery({ name: 'limit', required: false, description: `page size, 1–${UNIT_PAGE.maxLimit}; default ${UNIT_PAGE.defaultLimit}` })
  @ApiQuery({ name: 'offset', required: false, description: `units to skip, 0–${UNIT_PAGE.maxOffset}; default 0` })
  @ApiOkResponse({ description: 'One page of units and the total', schema: apiSchemaRef('UnitSearchPage') })
  @ApiBadRequestResponse({ description: 'A malformed or unknown parameter, with the reason', schema: apiSchemaRef('ErrorAnswer') })
  search(@Query() query: Record<string, unknown>): Promise<UnitSearchPageDto> {
    return this.registry.search(unitSearchParams(query));
  }

  @Get(':code')
  @UnitRead('code')
  @ApiOperation({ summary: 'One unit: names, validity, successor and predecessors, national codes' })
  @ApiParam({ name: 'code', description: 'unit code, e.g. HY25 or X00070' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: the unit as it stood that day (404 when it did not exist then)' })
  @ApiOkResponse({ description: 'The unit', schema: apiSchemaRef('RegistryUnit') })
  @ApiBadRequestResponse({ description: 'A malformed code or date, with the reason', schema: apiSchemaRef('ErrorAnswer') })
  @ApiNotFoundResponse({ description: 'No such unit (at that date)', schema: apiSchemaRef('ErrorAnswer') })
  async unit(@Param('code') code: unknown, @Query('asOf') asOf?: unknown): Promise<RegistryUnitDto> {
    const unitCode = unitCodeParam('code', code);
    const date = localDateParam('asOf', asOf);
    const unit = await this.registry.unit(unitCode, date);
    if (!unit) {
      throw new NotFoundException({ reason: date ? `unit ${unitCode} did not exist on ${date} (GET /api/v1/units/${unitCode} shows its validity)` : `no unit with the code ${unitCode} is registered; search with GET /api/v1/units?q=…` });
    }
    return unit;
  }
}
