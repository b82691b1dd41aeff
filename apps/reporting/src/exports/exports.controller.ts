import { BadRequestException, Controller, Get, Header, NotFoundException, Query, StreamableFile } from '@nestjs/common';
import { apiSchemaRef } from '@idx/contracts';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ReadScope, UnitQueryRead } from '../access/access.decorators';
import { oneOfParam } from '../request-params';
import { attachmentDisposition } from './content-disposition';
import { CONTENT_TYPES, type ExportResult, type LetterScope, MonthlyExports } from '@idx/exports';
import { monthParam, unitCodeParam } from './export-params';

const PERIOD = { name: 'period', required: false, description: 'Month as YYYY-MM; default: the current month (month to date)' };
const PARENT = { name: 'parent', required: true, description: 'Code of the province (departments, districts, communes) or district (communes) whose units are listed' };
const LETTER_UNIT = { name: 'unit', required: true, description: 'Code of the province (or district) whose People\'s Committee office publishes the letter' };
const SCOPE = {
  name: 'scope', required: false, enum: ['all', 'communes'],
  description: 'all (default): appendices of the departments, districts and communes under the unit, and for a province the provinces nationally; communes: the communes only (re-publication for the communes)',
};
const SCOPES: readonly LetterScope[] = ['all', 'communes'];
const CUT_NOTE = 'A closed month prints its figures as of the close; any other month is marked "Số liệu tạm tính" (provisional).';
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

  @Get('monthly-letter.docx')
  @UnitQueryRead('unit')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: `The monthly letter "V/v Công bố kết quả đánh giá Bộ chỉ số …" of a province's (or district's) office with its appendices, as an editable Word document. ${CUT_NOTE}` })
  @ApiQuery(LETTER_UNIT)
  @ApiQuery(PERIOD)
  @ApiQuery(SCOPE)
  @ApiProduces(CONTENT_TYPES.docx)
  @ApiOkResponse({ description: 'DOCX download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period, unit or scope, or a unit that is neither a province nor a district', ...REASON })
  @ApiNotFoundResponse({ description: 'Unknown unit', ...REASON })
  async letterDocx(@Query('unit') unit?: string, @Query('period') period?: string, @Query('scope') scope?: string): Promise<StreamableFile> {
    return download(await this.exports.letter(monthParam(period), unitCodeParam('unit', unit), 'docx', oneOfParam('scope', scope, SCOPES)));
  }

  @Get('monthly-letter.pdf')
  @UnitQueryRead('unit')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: `The monthly letter with its appendices as a PDF (A4; appendices landscape). ${CUT_NOTE}` })
  @ApiQuery(LETTER_UNIT)
  @ApiQuery(PERIOD)
  @ApiQuery(SCOPE)
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'PDF download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period, unit or scope, or a unit that is neither a province nor a district', ...REASON })
  @ApiNotFoundResponse({ description: 'Unknown unit', ...REASON })
  async letterPdf(@Query('unit') unit?: string, @Query('period') period?: string, @Query('scope') scope?: string): Promise<StreamableFile> {
    return download(await this.exports.letter(monthParam(period), unitCodeParam('unit', unit), 'pdf', oneOfParam('scope', scope, SCOPES)));
  }

  @Get('national-appendix.xlsx')
  // The provinces' table, as provincial officials may see where their province stands (the ranking's rule).
  @ReadScope(() => ({ kind: 'province-ranking' }))
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: `National appendix: every province's key rates, e-certified copies (x/y units), total, rank and band, as an Excel workbook. ${CUT_NOTE}` })
  @ApiQuery(PERIOD)
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'XLSX download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period', ...REASON })
  async nationalAppendixXlsx(@Query('period') period?: string): Promise<StreamableFile> {
    return download(await this.exports.nationalAppendix(monthParam(period), 'xlsx'));
  }

  @Get('national-appendix.csv')
  @ReadScope(() => ({ kind: 'province-ranking' }))
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: `National appendix as CSV (UTF-8 with BOM, RFC 4180). ${CUT_NOTE}` })
  @ApiQuery(PERIOD)
  @ApiProduces(CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'CSV download', ...BINARY })
  @ApiBadRequestResponse({ description: 'Malformed period', ...REASON })
  async nationalAppendixCsv(@Query('period') period?: string): Promise<StreamableFile> {
    return download(await this.exports.nationalAppendix(monthParam(period), 'csv'));
  }
}
