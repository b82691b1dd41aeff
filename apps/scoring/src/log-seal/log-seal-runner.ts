import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type LogSealConfig, logSealConfig, LogSealer, LogSealsTamperedError, loadOrCreateSealKey } from '@idx/event-store';
import { Pool } from 'pg';

export interface LogSealStatus {
  readonly enabled: boolean;
  readonly keyId?: string;
  readonly lastSeal?: { readonly seq: string; readonly eventCount: string; readonly sealedAt: string };
  /** Set when sealing stopped because the stored seals no longer hold what this sealer wrote. */
  readonly halted?: string;
  readonly lastError?: string;
}

/** Seals the event log every LOG_SEAL_INTERVAL_MS (docs/tamper-evidence.md). */
@Injectable()
export class LogSealRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('log-seal');
  private readonly config: LogSealConfig = logSealConfig();
  private sealer?: LogSealer;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private state: LogSealStatus = { enabled: false };

  constructor(@Inject(Pool) private readonly pool: Pool) {}

  onApplicationBootstrap(): void {
    if (this.config.intervalMs === 0) return;
    const key = loadOrCreateSealKey(this.config.files);
    this.sealer = new LogSealer(this.pool, key, { witnessFile: this.config.files.witnessFile });
    this.state = { enabled: true, keyId: key.keyId };
    this.logger.log(`sealing the log every ${this.config.intervalMs} ms with key ${key.keyId} (public key: ${this.config.files.publicKeyFile})`);
    this.timer = setInterval(() => {
      this.running ??= this.sealPending().finally(() => { this.running = undefined; });
    }, this.config.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  status(): LogSealStatus {
    return this.state;
  }

  private async sealPending(): Promise<void> {
    try {
      const seals = await (this.sealer as LogSealer).sealAll();
      const last = seals[seals.length - 1];
      if (last) this.state = { ...this.state, lastSeal: { seq: last.seq, eventCount: last.eventCount, sealedAt: last.sealedAt }, lastError: undefined };
    } catch (error) {
      if (error instanceof LogSealsTamperedError) {
        clearInterval(this.timer);
        this.state = { ...this.state, halted: error.message };
        this.logger.error(error.message);
        return;
      }
      this.state = { ...this.state, lastError: (error as Error).message };
      this.logger.warn(`sealing failed, retrying: ${(error as Error).message}`);
    }
  }
}
