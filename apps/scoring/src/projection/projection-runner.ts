import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { type Checkpoint, PostgresEventStore, PostgresEventSubscription } from '@idx/event-store';
import { READ_MODELS } from '@idx/nest-platform';
import type { ReadModelClient } from '@idx/read-models';
import { finishScoresOfEarlierRelease, FlushRounds, ScoringProjector } from '@idx/scoring-projection';
import { Pool } from 'pg';
import { CONFIG } from '../tokens';
import type { ScoringConfig } from '../config';
import { ScoresChangedEvent } from './scores-changed.event';

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: { transactionId: string; position: string };
  readonly eventsProjected: number;
  readonly running: boolean;
  readonly lastError?: string;
}

/** Runs the scoring projection: catch up from the stored checkpoint, then follow live appends. */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('scoring');
  private subscription?: PostgresEventSubscription;
  private loop?: Promise<void>;
  private refresher?: NodeJS.Timeout;
  private checkpoint?: Checkpoint;
  private eventsProjected = 0;
  private lastError?: string;
  private stopped = false;
  /** The long periods' flush rounds (libs/scoring-projection flush-rounds.ts). */
  private readonly rounds: FlushRounds;

  constructor(
    @Inject(CONFIG) private readonly config: ScoringConfig,
    @Inject(Pool) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly projector: ScoringProjector,
    private readonly events: EventBus,
    @Inject(READ_MODELS) private readonly prisma: ReadModelClient,
  ) {
    this.rounds = new FlushRounds(config.longPeriodsMs, config.flushChunk);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.loop = this.fillFinishedScores().then(() => this.run());
    this.refresher = setInterval(() => void this.refresh(), this.config.refreshMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refresher);
    this.subscription?.stop();
    await this.loop;
  }

  status(): ProjectionStatus {
    const cp = this.checkpoint;
    return {
      name: this.projector.name,
      checkpoint: { transactionId: String(cp?.transactionId ?? 0n), position: String(cp?.position ?? 0n) },
      eventsProjected: this.eventsProjected,
      running: this.subscription !== undefined,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** An upgrade from a release without finished scores: fill them once from the stored own figures. */
  private async fillFinishedScores(): Promise<void> {
    try {
      const checkpoint = await this.projector.checkpoint();
      const written = await finishScoresOfEarlierRelease(this.prisma, checkpoint.position);
      if (written > 0) this.logger.log(`finished scores filled from the stored figures of an earlier release: ${written} rows`);
    } catch (error) {
      // Not fatal: a rebuild (npm run rebuild) fills them as well.
      this.logger.error(`could not fill finished scores from stored figures: ${(error as Error).message}; run npm run rebuild`);
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.checkpoint = await this.projector.checkpoint();
        this.logger.log(`${this.projector.name}: catching up from position ${this.checkpoint.position}`);
        this.subscription = new PostgresEventSubscription(this.pool, this.store, { batchSize: this.config.batchSize, idleWaitMs: 1000 });
        await this.subscription.run(this.checkpoint, async (batch) => {
          // A full batch means more is waiting: note the touched unit-periods, recompute once caught up.
          const changes = await this.projector.handle(batch, { deferRecompute: batch.events.length >= this.config.batchSize });
          this.checkpoint = batch.checkpoint;
          this.eventsProjected += batch.events.length;
          this.lastError = undefined;
          this.events.publish(new ScoresChangedEvent(changes, batch.checkpoint.position));
        }, async () => {
          // Caught up: the months owed by a deferred catch-up now; longer periods on their cadence,
          // a chunk at a time so live batches are read between chunks (docs/projection-tallies.md).
          const turn = this.rounds.turn(Date.now());
          const { changes, left } = await this.projector.flushPendingChunk(turn.only, turn.limit);
          if (changes.length > 0) this.events.publish(new ScoresChangedEvent(changes, this.checkpoint?.position ?? 0n));
          return this.rounds.flushed(turn, left, Date.now());
        });
        return;
      } catch (error) {
        if (this.stopped) return;
        this.lastError = (error as Error).message;
        this.logger.error(`projection failed, restarting from the last checkpoint: ${this.lastError}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async refresh(): Promise<void> {
    try {
      const changes = await this.projector.refreshOpenPeriods();
      if (changes.length > 0) this.events.publish(new ScoresChangedEvent(changes, this.checkpoint?.position ?? 0n));
    } catch (error) {
      this.logger.warn(`open-period refresh failed: ${(error as Error).message}`);
    }
  }
}
