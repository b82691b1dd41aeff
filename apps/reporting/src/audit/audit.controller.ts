import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idx/access';
import type { LogSealsDto, PeriodSnapshotDto, ScoreDiffDto, SnapshotCheckDto, VerifyReportDto } from '@idx/contracts';
import { CurrentUser, Roles, UnitRead } from '../access/access.decorators';
import { KnownUnitPipe } from '../known-unit.pipe';
import { closableMonthParam, monthPathParam, periodParam } from '../period-param';
import { requiredInstant } from '../request-params';
import { ClosePeriodCommand } from './close-period.command';
import { LogSealsQuery } from './log-seals.query';
import { ScoreDiffQuery } from './score-diff.query';
import { CheckSnapshotQuery, SnapshotQuery } from './snapshot.query';
import { VerifyUnitPeriodCommand } from './verify-unit-period.command';

@ApiTags('audit')
@Controller('api/v1')
export class AuditController {
  constructor(private readonly queries: QueryBus, private readonly commands: CommandBus) {}

  @Get('units/:unitCode/scores/diff')
  @UnitRead()
  @ApiOperation({ summary: 'How a unit-period moved between two record-time moments, and the late events that moved it' })
  @ApiQuery({ name: 'period', required: true })
  @ApiQuery({ name: 'from', required: true, description: 'ISO-8601 instant (record time)' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO-8601 instant (record time)' })
  diff(@Param('unitCode', KnownUnitPipe) unitCode: string, @Query('period') period?: unknown, @Query('from') from?: unknown, @Query('to') to?: unknown): Promise<ScoreDiffDto> {
    const a = requiredInstant('from', from);
    const b = requiredInstant('to', to);
    if (a.getTime() > b.getTime()) throw new BadRequestException({ reason: 'from: must not be after to' });
    return this.queries.execute(new ScoreDiffQuery(unitCode, periodParam(period), a, b));
  }

  @Post('audit/verify')
  @Roles('auditor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute a unit-period from the raw events, compare with the stored projection, check the hash chains' })
  verify(@Body('unitCode', KnownUnitPipe) unitCode: string, @Body('period') period?: unknown): Promise<VerifyReportDto> {
    return this.commands.execute(new VerifyUnitPeriodCommand(unitCode, periodParam(period)));
  }

  @Get('audit/log-seals')
  @ApiOperation({ summary: 'The newest signed seals of the whole event log, newest first, and the Ed25519 public key that checks them' })
  @ApiQuery({ name: 'limit', required: false, description: 'How many seals, 1 to 1000 (default 20)' })
  logSeals(@Query('limit') limit?: string): Promise<LogSealsDto> {
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new BadRequestException({ reason: `limit: must be a whole number from 1 to 1000, got "${limit}"` });
    return this.queries.execute(new LogSealsQuery(n));
  }

  @Post('periods/:period/close')
  @Roles('auditor')
  @HttpCode(201)
  @ApiOperation({ summary: "Close a month: publish every unit's score as recomputed from the events recorded until now (once)" })
  close(@Param('period') period: string, @CurrentUser() user: Principal): Promise<PeriodSnapshotDto> {
    // Who closed it is the signed-in auditor, never a header the caller chooses.
    return this.commands.execute(new ClosePeriodCommand(closableMonthParam(period), user.username));
  }

  @Get('periods/:period/snapshot')
  @ApiOperation({ summary: 'The published snapshot of a closed month' })
  async snapshot(@Param('period') period: string): Promise<PeriodSnapshotDto> {
    const found = await this.queries.execute(new SnapshotQuery(monthPathParam(period)));
    if (!found) throw new NotFoundException({ reason: `period ${period} has not been closed` });
    return found;
  }

  @Get('periods/:period/snapshot/check')
  @ApiOperation({ summary: 'Replay the events up to the snapshot instant and compare every published total' })
  async check(@Param('period') period: string): Promise<SnapshotCheckDto> {
    const found = await this.queries.execute(new CheckSnapshotQuery(monthPathParam(period)));
    if (!found) throw new NotFoundException({ reason: `period ${period} has not been closed` });
    return found;
  }
}
