import { BadRequestException, Body, Controller, Get, Headers, HttpException, Param, Post, Query, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { apiSchemaRef, type PortalImportListDto, type PortalImportResultDto, type ReconciliationDrillDownDto, type ReconciliationDto } from '@idx/contracts';
import type { Principal } from '@idx/access';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { IMPORTING_ROLES, type Outcome, ReconciliationService } from '@idx/reconciliation';
import { CurrentUser, Roles, UnitRead } from '../access/access.decorators';
import { KnownUnitPipe } from '../known-unit.pipe';
import { periodParam } from '../period-param';
import { criterionParam, textParam, unitCodeParam } from '../request-params';

export const IMPORTS_PATH = 'api/v1/units/:unitCode/reconciliation/imports';

/** A lib's refusal as the HTTP answer it names: the reason, and each problem of a refused file. */
function answer<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new HttpException({ statusCode: outcome.status, reason: outcome.reason, ...(outcome.problems ? { problems: outcome.problems } : {}) }, outcome.status);
}

function importIdParam(value: unknown): string {
  const text = textParam('importId', value, 40);
  if (text === undefined || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text)) {
    throw new BadRequestException({ reason: `importId: ${JSON.stringify(text ?? '').slice(0, 60)} is not an import id (a UUID from the list of imports)` });
  }
  return text;
}

@ApiTags('reconciliation')
@Controller(IMPORTS_PATH)
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post()
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({ summary: "Import the national portal's evaluation figures for a period: the file's bytes as the body (kept byte for byte; the same bytes again answer `unchanged`)" })
  @ApiParam({ name: 'unitCode', description: 'The area: this unit and the units below it' })
  @ApiQuery({ name: 'period', required: false, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; required when the file names none' })
  @ApiQuery({ name: 'fileName', required: false, description: 'The file\'s name, shown in the list of imports' })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The JSON the portal\'s evaluation API answers, as bytes', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 201, description: 'Imported', schema: apiSchemaRef('PortalImportResult') })
  @ApiResponse({ status: 200, description: 'The same file was imported before for this area and period: nothing stored again', schema: apiSchemaRef('PortalImportResult') })
  @ApiErrorAnswers({
    400: 'The file cannot be read (each problem listed; the file is kept as a dead letter), or no/conflicting period',
    404: 'Unknown unit', 413: 'The body is larger than RECONCILIATION_MAX_FILE_BYTES', 415: 'Not sent as application/octet-stream',
  })
  async importFile(
    @Param('unitCode', KnownUnitPipe) unitCode: string,
    @CurrentUser() principal: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
    @Query('period') period?: unknown,
    @Query('fileName') fileName?: unknown,
  ): Promise<PortalImportResultDto> {
    if (/^multipart\//i.test(contentType ?? '')) {
      throw new UnsupportedMediaTypeException({ reason: 'send the file itself as the body (application/octet-stream), not a form: its bytes are kept exactly as the portal gave them' });
    }
    const json = /^application\/json\b/i.test(contentType ?? '');
    if (!Buffer.isBuffer(body) && (json || contentType === undefined)) {
      throw new UnsupportedMediaTypeException({ reason: `send the file's bytes as application/octet-stream (found ${contentType ?? 'no content type'}), so they are kept exactly as the portal gave them` });
    }
    const result = answer(await this.reconciliation.importFile({
      principal, unitCode, bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0), period: period === undefined ? undefined : periodParam(period), fileName: textParam('fileName', fileName, 500),
    }));
    res.status(result.status === 'imported' ? 201 : 200);
    return result;
  }

  @Post('fetch')
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({ summary: "Fetch the portal's evaluation figures for a period from the portal itself (when RECONCILIATION_FETCH_URL is set) and import them" })
  @ApiQuery({ name: 'period', required: true, description: 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  @ApiQuery({ name: 'portalId', required: true, description: "The portal's numeric id of the province (p_tinh_id on its pages, e.g. 398126)" })
  @ApiBody({ required: false, schema: apiSchemaRef('NoBody') })
  @ApiResponse({ status: 201, description: 'Fetched and imported', schema: apiSchemaRef('PortalImportResult') })
  @ApiResponse({ status: 200, description: 'Fetched; the same figures were imported before', schema: apiSchemaRef('PortalImportResult') })
  @ApiErrorAnswers({ 400: 'Missing period or portalId, or the portal\'s answer cannot be read (kept as a dead letter)', 404: 'Unknown unit', 409: 'Fetching is off on this platform' })
  @ApiResponse({ status: 502, description: 'The portal could not be reached or answered an error (its failure, with the reason)', schema: apiSchemaRef('ErrorAnswer') })
  async fetchFromPortal(
    @Param('unitCode', KnownUnitPipe) unitCode: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @Query('period') period?: unknown,
    @Query('portalId') portalId?: unknown,
  ): Promise<PortalImportResultDto> {
    if (period === undefined) throw new BadRequestException({ reason: 'period: is required (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)' });
    const id = textParam('portalId', portalId, 20);
    if (id === undefined) throw new BadRequestException({ reason: "portalId: is required, the portal's numeric id of the province (p_tinh_id on its pages)" });
    const result = answer(await this.reconciliation.fetchAndImport({ principal, unitCode, period: periodParam(period), portalProvinceId: id }));
    res.status(result.status === 'imported' ? 201 : 200);
    return result;
  }

  @Get()
  @UnitRead()
  @ApiOperation({ summary: 'The imports of an area, newest first' })
  @ApiOkResponse({ description: 'The imports', schema: apiSchemaRef('PortalImportList') })
  @ApiErrorAnswers({ 400: 'Malformed unit code', 404: 'Unknown unit' })
  list(@Param('unitCode', KnownUnitPipe) unitCode: string): Promise<PortalImportListDto> {
    return this.reconciliation.list(unitCode);
  }

  @Get(':importId')
  @UnitRead()
  @ApiOperation({ summary: "The portal's figures beside ours, per unit and criterion, and the difference (ours − portal's)" })
  @ApiQuery({ name: 'ours', required: false, description: '`import` (default): our figures as they stood at the import, so the same import always gives the same comparison; `now`: as they stand' })
  @ApiOkResponse({ description: 'The comparison', schema: apiSchemaRef('Reconciliation') })
  @ApiErrorAnswers({ 400: 'Malformed unit code, import id or `ours`', 404: 'Unknown unit or import', 409: 'The stored file no longer reads (see the reason)' })
  async reconcile(@Param('unitCode', KnownUnitPipe) unitCode: string, @Param('importId') importId: unknown, @Query('ours') ours?: unknown): Promise<ReconciliationDto> {
    const at = textParam('ours', ours, 10) ?? 'import';
    if (at !== 'import' && at !== 'now') throw new BadRequestException({ reason: `ours: must be import or now, found ${JSON.stringify(at)}` });
    return answer(await this.reconciliation.reconcile(unitCode, importIdParam(importId), at));
  }

  @Get(':importId/dossiers')
  @UnitRead()
  @ApiOperation({ summary: "Our dossiers behind one criterion of one unit, marked whether the portal got a sync of each: those it never got explain a larger figure of ours" })
  @ApiQuery({ name: 'unit', required: true, description: 'A unit of the comparison (our code)' })
  @ApiQuery({ name: 'criterion', required: true, description: '1–21; a criterion the portal file gives counts for' })
  @ApiOkResponse({ description: 'The dossiers that explain the difference', schema: apiSchemaRef('ReconciliationDrillDown') })
  @ApiErrorAnswers({ 400: 'Malformed parameter', 404: 'Unknown unit or import, or no portal figure for that unit and criterion' })
  async dossiers(
    @Param('unitCode', KnownUnitPipe) unitCode: string,
    @Param('importId') importId: unknown,
    @Query('unit') unit?: unknown,
    @Query('criterion') criterion?: unknown,
  ): Promise<ReconciliationDrillDownDto> {
    return answer(await this.reconciliation.drillDown(unitCode, importIdParam(importId), unitCodeParam('unit', unit), criterionParam(criterion)));
  }
}
