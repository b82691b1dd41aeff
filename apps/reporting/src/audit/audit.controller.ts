import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditLog, closeMonthOnRecord, type Principal } from '@idx/access';
import { apiSchemaRef, type LogSealsDto, type PeriodSnapshotDto, type ScoreDiffDto, type SnapshotCheckDto, type VerifyReportDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { LogAudit } from '@idx/event-store';
import { AuditService, PeriodAlreadyClosedError, ProjectionDisagreesError, ProjectionNotSettledError } from '@idx/audit';
import { CurrentUser, READ_REFUSALS, Roles, UnitRead } from '../access/access.decorators';
import { KnownUnitPipe } from '../known-unit.pipe';
import { closableMonthParam, monthPathParam, periodParam } from '../period-param';
import { requiredInstant } from '../request-params';

/**
 * The refusals an auditor can act on: the month is closed already, the projection still owes a
 * recompute (try again shortly), or it disagrees with the events (verify those units first).
 */
async function conflictsAs409<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PeriodAlreadyClosedError || error instanceof ProjectionNotSettledError || error instanceof ProjectionDisagreesError) {
      throw new ConflictException({ reason: error.message });
    }
    throw error;
  }
}

@ApiTags('audit')
@Controller('api/v1')
export class AuditController {
  constructor(private readonly audit: AuditService, private readonly log: LogAudit, private readonly auditLog: AuditLog) {}

  @Get('units/:unitCode/scores/diff')
  @UnitRead()
  @ApiOperation({ summary: 'How a unit-period moved between two record-time moments, and the late events that moved it' })
  @ApiQuery({ name: 'period', required: true })
  @ApiQuery({ name: 'from', required: true, description: 'ISO-8601 instant (record time)' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO-8601 instant (record time)' })
  @ApiOkResponse({ description: 'Totals before and after, per-criterion changes and the events recorded between', schema: apiSchemaRef('ScoreDiff') })
  @ApiErrorAnswers({ 400: 'Malformed unit code, period, from or to, or from after to', 404: 'Unknown unit' })
  diff(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('period') period?: unknown, @Query('from') from?: unknown, @Query('to') to?: unknown): Promise<ScoreDiffDto> {
    const a = requiredInstant('from', from);
    const b = requiredInstant('to', to);
    if (a.getTime() > b.getTime()) throw new BadRequestException({ reason: 'from: must not be after to' });
    return this.audit.diff(unitCode, periodParam(period), a, b);
  }

  @Post('audit/verify')
  @Roles('auditor')
  @HttpCode(200)
  @ApiOperation({ summary: "Compare a unit-period's stored projection with a recomputation from the raw events at the projection's checkpoint, check the hash chains" })
  @ApiBody({ schema: apiSchemaRef('VerifyRequest') })
  @ApiOkResponse({ description: 'match: true when the stored projection equals the replay and every chain holds', schema: apiSchemaRef('VerifyReport') })
  @ApiErrorAnswers({ 400: 'Malformed unitCode or period', 404: 'Unknown unit', 409: 'The projection has not settled yet; retry' })
  verify(@Body('unitCode', KnownUnitPipe) unitCode: string, @Body('period') period?: unknown): Promise<VerifyReportDto> {
    return conflictsAs409(this.audit.verify(unitCode, periodParam(period)));
  }

  @Get('audit/log-seals')
  @ApiOperation({ summary: 'The newest signed seals of the whole event log, newest first, and the Ed25519 public key that checks them' })
  @ApiQuery({ name: 'limit', required: false, description: 'How many seals, 1 to 1000 (default 20)' })
  @ApiOkResponse({ description: 'The newest seals and the public key', schema: apiSchemaRef('LogSeals') })
  @ApiErrorAnswers({ ...READ_REFUSALS, 400: 'limit outside 1–1000' })
  logSeals(@Query('limit') limit?: string): Promise<LogSealsDto> {
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new BadRequestException({ reason: `limit: must be a whole number from 1 to 1000, got "${limit}"` });
    return this.log.latestSeals(n);
  }

  @Post('periods/:period/close')
  @Roles('auditor')
  @HttpCode(201)
  @ApiOperation({ summary: "Close a month (once): publish every unit's score replayed at the projection's checkpoint, refused (409) if projection and events disagree there" })
  @ApiParam({ name: 'period', description: 'YYYY-MM, a month that has ended' })
  @ApiBody({ required: false, schema: apiSchemaRef('NoBody') })
  @ApiCreatedResponse({ description: 'The published snapshot', schema: apiSchemaRef('PeriodSnapshot') })
  @ApiErrorAnswers({ 400: 'Malformed month, or one not yet ended', 409: 'Already closed, projection not settled, or projection and events disagree' })
  close(@Param('period') period: string, @CurrentUser() user: Principal): Promise<PeriodSnapshotDto> {
    // Who closed it is the signed-in auditor, never a header the caller chooses.
    return conflictsAs409(closeMonthOnRecord(this.audit, this.auditLog, closableMonthParam(period), user.username));
  }

  @Get('periods/:period/snapshot')
  @ApiOperation({ summary: 'The published snapshot of a closed month' })
  @ApiOkResponse({ description: 'The snapshot as published', schema: apiSchemaRef('PeriodSnapshot') })
  @ApiErrorAnswers({ ...READ_REFUSALS, 400: 'Malformed month', 404: 'The month has not been closed' })
  async snapshot(@Param('period') period: string): Promise<PeriodSnapshotDto> {
    const found = await this.audit.snapshot(monthPathParam(period));
    if (!found) throw new NotFoundException({ reason: `period ${period} has not been closed` });
    return found;
  }

  @Get('periods/:period/snapshot/check')
  @ApiOperation({ summary: 'Replay the events up to the snapshot instant and compare every published total' })
  @ApiOkResponse({ description: 'match: every published total equals the replay', schema: apiSchemaRef('SnapshotCheck') })
  @ApiErrorAnswers({ ...READ_REFUSALS, 400: 'Malformed month', 404: 'The month has not been closed' })
  async check(@Param('period') period: string): Promise<SnapshotCheckDto> {
    const found = await this.audit.checkSnapshot(monthPathParam(period));
    if (!found) throw new NotFoundException({ reason: `period ${period} has not been closed` });
    return found;
  }
}
