import { BadRequestException, Controller, Get, Header, NotFoundException, Query, StreamableFile } from '@nestjs/common';
import { apiSchemaRef } from '@idx/contracts';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { UnitQueryRead } from '../access/access.decorators';
import { attachmentDisposition } from './content-disposition';
import { CONTENT_TYPES, type ExportResult, MonthlyExports } from '@idx/exports';
import { monthParam, unitCodeParam } from './export-params';

const PERIOD = { name: 'period', required: false, description: 'Month as YYYY-MM; default: the current month (month to date)' };
const PARENT = { name: 'parent', required: true, description: 'Code of the province (departments, districts, communes) or district (communes) whose units are listed' };
const BINARY = { schema: { type: 'string', format: 'binary' } };
const REASON = { schema: apiSchemaRef('ErrorAnswer') };

function download(result: ExportResult): StreamableFile {
  switch (result.kind) {
    case 'unknown-unit':
      throw new NotFoundException({ reason: result.reason });
    case 'invalid':
      throw new BadRequestException({ reason: result.reason });
    case 'file':
      return new StreamableFile(result.file.body, {
        type: result.file.contentType,
        disposition: attachmentDisposition(result.file.fileName),
        length: result.file.body.length,
      });
  }
}

@ApiTags('exports')
@Controller('api/v1/exports')
export class ExportsController {
  constructor(private readonly exports: MonthlyExports) {}

  @Get('monthly-appendix.xlsx')
  @UnitQueryRead('parent')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Monthly appendix (Phụ lục) of a province's or district's units as an Excel workbook: one sheet per level" })
  @ApiQuery(PERIOD)
  @ApiQuery(PARENT)
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'XLSX download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period or parent, or a parent that is neither a province nor a district', ...REASON })
  @ApiNotFoundResponse({ description: 'Unknown parent unit', ...REASON })
  async appendixXlsx(@Query('period') period?: string, @Query('parent') parent?: string): Promise<StreamableFile> {
    return download(await this.exports.appendix(monthParam(period), unitCodeParam('parent', parent), 'xlsx'));
  }

  @Get('monthly-appendix.csv')
  @UnitQueryRead('parent')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Monthly appendix as CSV (UTF-8 with BOM, comma-separated, RFC 4180), one table with a section column' })
  @ApiQuery(PERIOD)
  @ApiQuery(PARENT)
  @ApiProduces(CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'CSV download', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'Malformed period or parent, or a parent that is neither a province nor a district', ...REASON })
  @ApiNotFoundResponse({ description: 'Unknown parent unit', ...REASON })
  async appendixCsv(@Query('period') period?: string, @Query('parent') parent?: string): Promise<StreamableFile> {
    return download(await this.exports.appendix(monthParam(period), unitCodeParam('parent', parent), 'csv'));
  }

  @Get('monthly-summary.pdf')
  @UnitQueryRead('unit')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A unit's printable monthly summary (A4 PDF): total, band, rank, the 6 groups beside the peers' average, the 21 criteria" })
  @ApiQuery({ name: 'unit', required: true, description: 'Unit code' })
  @ApiQuery(PERIOD)
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'PDF download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period or unit code', ...REASON })
  @ApiNotFoundResponse({ description: 'Unknown unit', ...REASON })
  async summaryPdf(@Query('unit') unit?: string, @Query('period') period?: string): Promise<StreamableFile> {
    return download(await this.exports.summary(unitCodeParam('unit', unit), monthParam(period)));
  }
}
