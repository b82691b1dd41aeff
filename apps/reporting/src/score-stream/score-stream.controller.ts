import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { ScoreStreamService } from './score-stream.service';

@ApiTags('stream')
@Controller('api/v1/stream')
export class ScoreStreamController {
  constructor(private readonly stream: ScoreStreamService) {}

  @Sse()
  @ApiOperation({ summary: 'Server-sent events: `score-changed` whenever a unit-period score moves; `heartbeat` every 20 s' })
  events(): Observable<MessageEvent> {
    return merge(
      this.stream.changes.pipe(map((data): MessageEvent => ({ type: 'score-changed', data }))),
      interval(20000).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: { at: new Date().toISOString() } }))),
    );
  }
}
