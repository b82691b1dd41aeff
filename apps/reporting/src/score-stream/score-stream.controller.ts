import { Controller, Get, type OnModuleDestroy, type OnModuleInit, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';
import type { Principal } from '@idx/access';
import { ApiErrorAnswers, SseBroadcaster } from '@idx/nest-platform';
import type { Request, Response } from 'express';
import type { Subscription } from 'rxjs';
import { CurrentUser, ReadScope } from '../access/access.decorators';
import { AccessPolicy } from '../access/access-policy.service';
import { ScoreStreamService } from './score-stream.service';

/** Exempt from the request-concurrency bound and response timeout: the broadcaster bounds it. */
export const SCORE_STREAM_PATH = '/api/v1/stream';

/** OpenAPI 3.0 cannot type SSE frames; the extension names the schema of each `data:` line for a generator. */
const SSE_FRAMES = { type: 'string', description: 'SSE frames; each data line holds a ScoreChangedMessage', 'x-sse-data': apiSchemaRef('ScoreChangedMessage') } as never;

@ApiTags('stream')
@Controller(SCORE_STREAM_PATH.slice(1))
export class ScoreStreamController implements OnModuleInit, OnModuleDestroy {
  private relay?: Subscription;

  constructor(private readonly stream: ScoreStreamService, private readonly broadcaster: SseBroadcaster, private readonly policy: AccessPolicy) {}

  /** One subscription to the score changes for all connections (not one per connection). */
  onModuleInit(): void {
    this.relay = this.stream.changes.subscribe((data) => this.broadcaster.send('score-changed', data));
  }

  onModuleDestroy(): void {
    this.relay?.unsubscribe();
    this.broadcaster.closeAll();
  }

  @Get()
  // Any signed-in user (or anyone with READS_PUBLIC): province and unit accounts only get their subtree's changes.
  @ReadScope(() => ({ kind: 'any' }))
  @ApiOperation({
    summary: 'Server-sent events: `score-changed` whenever a unit-period score moves; a heartbeat comment every SSE_HEARTBEAT_MS; '
      + 'ended after SSE_MAX_LIFETIME_MS with a retry hint (the browser reconnects)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream: `event: score-changed` lines whose `data:` is one ScoreChangedMessage (JSON); `:` heartbeat comments',
    content: { 'text/event-stream': { schema: SSE_FRAMES } },
  })
  @ApiErrorAnswers({ 503: 'SSE_MAX_CONNECTIONS connections are open already; Retry-After says when to try again' })
  events(@Req() req: Request, @Res() res: Response, @CurrentUser() user?: Principal): void {
    this.broadcaster.open(req, res, user ? (data) => this.policy.canReadUnit(user, (data as { unitCode: string }).unitCode) : undefined);
  }
}
