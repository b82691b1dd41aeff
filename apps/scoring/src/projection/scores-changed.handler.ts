import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ScoresChangedEvent } from './scores-changed.event';

@EventsHandler(ScoresChangedEvent)
export class ScoresChangedHandler implements IEventHandler<ScoresChangedEvent> {
  private readonly logger = new Logger('scoring');

  handle({ changes, position }: ScoresChangedEvent): void {
    if (changes.length > 0) this.logger.debug(`${changes.length} unit-period scores changed up to position ${position}`);
  }
}
