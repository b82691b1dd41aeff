import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ScoreChangedMessageDto } from '@idx/contracts';
import { SCORE_CHANGED_CHANNEL, type ScoreChange } from '@idx/read-models';
import { Pool, type PoolClient } from 'pg';
import { Subject } from 'rxjs';

/** Relays the scoring service's score_changed notifications to every connected browser. */
@Injectable()
export class ScoreStreamService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly changes = new Subject<ScoreChangedMessageDto>();
  private readonly logger = new Logger('score-stream');
  private client?: PoolClient;

  constructor(@Inject(Pool) private readonly pool: Pool) {}

  async onApplicationBootstrap(): Promise<void> {
    this.client = await this.pool.connect();
    this.client.on('notification', (message) => {
      try {
        const changedAt = new Date().toISOString();
        for (const c of JSON.parse(message.payload ?? '[]') as ScoreChange[]) {
          this.changes.next({ unitCode: c.unitCode, period: c.period, total: c.total, changedAt });
        }
      } catch (error) {
        this.logger.warn(`unreadable score notification: ${(error as Error).message}`);
      }
    });
    await this.client.query(`LISTEN ${SCORE_CHANGED_CHANNEL}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.changes.complete();
    if (this.client) {
      await this.client.query(`UNLISTEN ${SCORE_CHANGED_CHANNEL}`).catch(() => undefined);
      this.client.release();
    }
  }
}
