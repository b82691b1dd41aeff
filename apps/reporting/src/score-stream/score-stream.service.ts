import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ScoreChangedMessageDto } from '@idx/contracts';
import { SCORE_CHANGED_CHANNEL, type ScoreChange } from '@idx/scoring-projection';
import { Pool, type PoolClient } from 'pg';
import { Subject } from 'rxjs';

/** Relays the scoring service's score_changed notifications to every connected browser. */
@Injectable()
export class ScoreStreamService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly changes = new Subject<ScoreChangedMessageDto>();
  private readonly logger = new Logger('score-stream');
  private client?: PoolClient;

  constructor(@Inject(Pool) private readonly pool: Pool) {}

  private stopped = false;

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  /** LISTENs on a dedicated connection; when that connection is lost, tries again every 2 s. */
  private async listen(): Promise<void> {
    try {
      this.client = await this.pool.connect();
    } catch (error) {
      this.logger.warn(`cannot listen for score changes yet: ${(error as Error).message}`);
      if (!this.stopped) setTimeout(() => void this.listen(), 2000);
      return;
    }
    this.client.on('error', (error) => {
      this.logger.warn(`score-change listener lost its connection: ${error.message}`);
      this.client?.release(error);
      this.client = undefined;
      if (!this.stopped) setTimeout(() => void this.listen(), 2000);
    });
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
    this.stopped = true;
    this.changes.complete();
    if (this.client) {
      await this.client.query(`UNLISTEN ${SCORE_CHANGED_CHANNEL}`).catch(() => undefined);
      this.client.release();
    }
  }
}
