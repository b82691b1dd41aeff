import type { IngestResponseDto } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';

/** What a sender has sent so far, as ingest answered it. */
export interface SendTotals {
  readonly sent: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly firstReason?: string;
}

/** Attempts per batch before the simulation stops (waits 1, 2, 4, 8 s between them). */
const RETRIES = 5;

/** A refusal nobody can fix by retrying (a wrong key): the simulation stops with ingest's reason. */
export class IngestRefused extends Error {}

/**
 * Sends events to ingest in NDJSON batches, at most `inFlight` requests at a time so generating the
 * next batch overlaps ingest storing the last one. `add` waits only when the pipe is full: memory
 * holds a few batches, never the history.
 */
export class IngestSender {
  private buffer: DomainEvent[] = [];
  private readonly running = new Set<Promise<void>>();
  private failure: Error | undefined;
  private totals = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, firstReason: undefined as string | undefined };

  constructor(
    private readonly ingestUrl: string,
    private readonly apiKey: string,
    private readonly batchSize = 2000,
    private readonly inFlight = 2,
  ) {}

  get sent(): SendTotals {
    const { firstReason, ...rest } = this.totals;
    return firstReason === undefined ? rest : { ...rest, firstReason };
  }

  async add(events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      this.buffer.push(e);
      if (this.buffer.length >= this.batchSize) await this.dispatch();
    }
  }

  /** Sends what is buffered and waits for every request in flight. */
  async flush(): Promise<void> {
    if (this.buffer.length > 0) await this.dispatch();
    await Promise.all(this.running);
    if (this.failure) throw this.failure;
  }

  private async dispatch(): Promise<void> {
    while (this.running.size >= this.inFlight) await Promise.race(this.running);
    if (this.failure) throw this.failure;
    const batch = this.buffer;
    this.buffer = [];
    const request: Promise<void> = this.post(batch).finally(() => this.running.delete(request));
    this.running.add(request);
    // A failure surfaces on the next add/flush, not as an unhandled rejection meanwhile.
    request.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  private async post(batch: readonly DomainEvent[]): Promise<void> {
    const body = batch.map((e) => JSON.stringify(e)).join('\n');
    const res = await this.postWithRetries(body);
    if (res.status === 401 || res.status === 403) throw new IngestRefused(`ingest refused the API key: ${(await res.text()).slice(0, 300)}`);
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const answer = (await res.json()) as IngestResponseDto;
    this.totals.sent += batch.length;
    this.totals.accepted += answer.accepted;
    this.totals.duplicate += answer.duplicate;
    this.totals.rejected += answer.rejected;
    if (answer.rejected > 0 && this.totals.firstReason === undefined) {
      this.totals.firstReason = answer.results.find((r) => r.status === 'rejected')?.reason;
      console.warn(`simulator: ${answer.rejected} rejected, e.g. ${this.totals.firstReason}`);
    }
  }

  /**
   * A dropped connection (a keep-alive socket the server closed, a restart) or a busy answer is
   * retried with back-off: the events' ids are stable, so a batch stored before the drop comes back as duplicates.
   */
  private async postWithRetries(body: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${this.ingestUrl}/api/v1/events`, {
        method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${this.apiKey}` }, body,
      }).catch((error: unknown) => {
        if (attempt >= RETRIES) throw error;
        return undefined;
      });
      if (res && (res.status < 500 && res.status !== 429 || attempt >= RETRIES)) return res;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}
