import type { Pool, PoolClient } from 'pg';
import type { Checkpoint, EventStore, ReadBatch } from '../port';
import { EVENTS_APPENDED_CHANNEL } from './postgres-event-store';

export interface SubscriptionOptions {
  /** Events per read while catching up. */
  readonly batchSize: number;
  /** Longest wait for a notification before reading again (covers a missed NOTIFY). */
  readonly idleWaitMs: number;
}

export type BatchHandler = (batch: ReadBatch) => Promise<void>;
/**
 * Called each time a read finds the reader caught up (fewer events than a full batch). Answering
 * true asks for another turn at once (it has more to do in small steps): the subscription reads
 * again without waiting for an append, so new events still come first.
 */
export type IdleHandler = () => Promise<void | boolean>;

/**
 * Catch-up-then-live subscription: reads full batches back to back while behind, then sleeps on
 * LISTEN/NOTIFY and wakes as soon as an append commits. The handler owns checkpointing.
 */
export class PostgresEventSubscription {
  private stopped = false;
  private listener?: PoolClient;
  private wake?: () => void;
  private pendingWake = false;
  private connectionError?: Error;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: SubscriptionOptions = { batchSize: 2000, idleWaitMs: 1000 },
  ) {}

  async run(from: Checkpoint, handle: BatchHandler, onCaughtUp?: IdleHandler): Promise<void> {
    this.listener = await this.pool.connect();
    this.listener.on('notification', () => this.notify());
    // A lost LISTEN connection must end the run (the caller restarts from its checkpoint), not the process.
    this.listener.on('error', (error) => {
      this.connectionError = error;
      this.notify();
    });
    await this.listener.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
    let checkpoint = from;
    try {
      while (!this.stopped) {
        if (this.connectionError) throw this.connectionError;
        this.pendingWake = false;
        const batch = await this.store.readAll(checkpoint, this.options.batchSize);
        if (batch.events.length > 0) {
          await handle(batch);
          checkpoint = batch.checkpoint;
        }
        if (batch.events.length < this.options.batchSize) {
          const again = await onCaughtUp?.();
          if (again !== true) await this.waitForAppend();
        }
      }
    } finally {
      if (!this.connectionError) await this.listener.query(`UNLISTEN ${EVENTS_APPENDED_CHANNEL}`).catch(() => undefined);
      this.listener.release(this.connectionError);
      this.listener = undefined;
    }
  }

  stop(): void {
    this.stopped = true;
    this.notify();
  }

  private notify(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private waitForAppend(): Promise<void> {
    if (this.pendingWake || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.idleWaitMs);
      this.wake = done;
    });
  }
}
