import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idx/access';
import { concatMap, filter, from, interval, map, merge, type Observable } from 'rxjs';
import { CurrentUser, ReadScope } from '../access/access.decorators';
import { AccessPolicy } from '../access/access-policy.service';
import { ScoreStreamService } from './score-stream.service';

@ApiTags('stream')
@Controller('api/v1/stream')
export class ScoreStreamController {
  constructor(private readonly stream: ScoreStreamService, private readonly policy: AccessPolicy) {}

  @Sse()
  // Any signed-in user (or anyone with READS_PUBLIC): province and unit accounts only get their subtree's changes.
  @ReadScope(() => ({ kind: 'any' }))
  @ApiOperation({ summary: 'Server-sent events: `score-changed` whenever a unit-period score moves; `heartbeat` every 20 s' })
  events(@CurrentUser() user?: Principal): Observable<MessageEvent> {
    const changes = this.stream.changes.pipe(
      concatMap((data) => from(this.policy.canReadUnit(user, data.unitCode).catch(() => false)).pipe(filter(Boolean), map(() => data))),
    );
    return merge(
      changes.pipe(map((data): MessageEvent => ({ type: 'score-changed', data }))),
      interval(20000).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } }))),
    );
  }
}
