import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { AuditLog, type Principal } from '@idx/access';
import { type FailedRecomputeView, ParkedSubjects, type ParkedSubjectView, type RetryOutcome, ScoringProjector } from '@idx/scoring-projection';
import { CurrentUser, Roles } from '../access/access.decorators';
import { parkingIdParam, parkingStatusParam, skipReasonParam } from './parked-params';

/**
 * Subjects the scoring projection parked (docs/scoring-resilience.md) and the auditor's decisions,
 * each decision written to the audit log with who and when.
 */
@ApiTags('audit')
@Controller('api/v1/audit/parked')
@Roles('auditor')
export class ParkedEventsController {
  constructor(private readonly parked: ParkedSubjects, private readonly projector: ScoringProjector, private readonly log: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Parked subjects (oldest first) with their held events, and unit-periods whose recompute failed' })
  @ApiQuery({ name: 'status', required: false, enum: ['parked', 'skipped'] })
  @ApiOkResponse({ description: 'Parked subjects and failed recomputes', schema: apiSchemaRef('ParkedList') })
  @ApiErrorAnswers({ 400: 'status is neither parked nor skipped' })
  async list(@Query('status') status?: string): Promise<{ parked: ParkedSubjectView[]; failedRecomputes: FailedRecomputeView[] }> {
    const wanted = parkingStatusParam(status);
    return { parked: await this.parked.list(wanted), failedRecomputes: await this.parked.failedRecomputes() };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: "Re-fold a parked subject's events in order; success applies them and removes the parking" })
  @ApiBody({ required: false, schema: apiSchemaRef('NoBody') })
  @ApiOkResponse({ description: 'status applied: the events folded, with the score changes', schema: apiSchemaRef('RetryOutcome') })
  @ApiErrorAnswers({ 400: 'Malformed parking id', 404: 'No open parking with that id', 409: 'The events still cannot be folded (reason and error say why)' })
  async retry(@Param('id') id: string, @CurrentUser() user: Principal): Promise<RetryOutcome> {
    const outcome = await this.projector.retryParked(parkingIdParam(id));
    await this.log.record({ actor: user.username, action: 'parked.retried', target: id, details: { outcome: outcome.status } });
    if (outcome.status === 'not-found') throw new NotFoundException({ reason: `no open parking ${id} (already retried or skipped?)` });
    if (outcome.status === 'still-failing') throw new ConflictException({ reason: `the events still cannot be folded: ${outcome.error}; skip them with a reason, or fix and retry`, error: outcome.error });
    return outcome;
  }

  @Post(':id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: "Skip a parked subject's events for good (kept, marked skipped, with the reason); the subject folds again from its next event" })
  @ApiBody({ schema: apiSchemaRef('SkipRequest') })
  @ApiOkResponse({ description: 'The subject, now skipped', schema: apiSchemaRef('ParkedSubject') })
  @ApiErrorAnswers({ 400: 'Malformed parking id, or no reason given', 404: 'No open parking with that id' })
  async skip(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: Principal): Promise<ParkedSubjectView> {
    const reason = skipReasonParam(body);
    const skipped = await this.parked.skip(parkingIdParam(id), reason, user.username);
    if (!skipped) throw new NotFoundException({ reason: `no open parking ${id} (already retried or skipped?)` });
    await this.log.record({ actor: user.username, action: 'parked.skipped', target: id, details: { reason } });
    return skipped;
  }
}
