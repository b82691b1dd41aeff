import { DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import type { ScoreChangedMessageDto } from '@idx/contracts';
import { type Observable, Subject } from 'rxjs';
import { apiUrls } from '../api/api-urls';
import { AuthService } from '../auth/auth.service';
import { parseScoreChanged } from './parse-score-changed';

/** connecting: before the first open · live: receiving · offline: lost, the browser is retrying. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

const RETRY_AFTER_CLOSE_MS = { first: 1_000, max: 30_000 };

/**
 * The one server-sent-event connection of the console, shared by every feature.
 * EventSource reconnects by itself after network errors; it gives up only when the server answers
 * with an error status or a wrong content type (e.g. a proxy's 502 while reporting restarts), so
 * only then do we open a new one, with backoff.
 */
@Injectable({ providedIn: 'root' })
export class ScoreStreamService {
  private readonly liveStatus = signal<LiveStatus>('connecting');
  private readonly scoreChangedSubject = new Subject<ScoreChangedMessageDto>();
  private readonly connectedSubject = new Subject<void>();
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = RETRY_AFTER_CLOSE_MS.first;

  readonly status = this.liveStatus.asReadonly();
  readonly scoreChanged$: Observable<ScoreChangedMessageDto> = this.scoreChangedSubject.asObservable();
  /**
   * Emits on every (re)connection: changes made before it, or while the connection was down, were
   * never pushed, so a listener that shows scores refetches.
   */
  readonly connected$: Observable<void> = this.connectedSubject.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
    if (typeof EventSource === 'undefined') {
      this.liveStatus.set('offline');
      return;
    }
    // The stream needs a session unless reads are public: open it when the user may read, close it on sign-out.
    const auth = inject(AuthService);
    effect(() => {
      if (auth.canRead() && !this.source && !this.retryTimer) this.open();
      else if (!auth.canRead()) this.close();
    });
  }

  private open(): void {
    const source = new EventSource(apiUrls.stream);
    this.source = source;
    source.addEventListener('open', () => {
      this.liveStatus.set('live');
      this.retryDelayMs = RETRY_AFTER_CLOSE_MS.first;
      this.connectedSubject.next();
    });
    source.addEventListener('error', () => {
      this.liveStatus.set('offline');
      if (source.readyState === EventSource.CLOSED) this.scheduleReopen();
    });
    source.addEventListener('score-changed', (event: MessageEvent<string>) => {
      const message = parseScoreChanged(event.data);
      if (message) this.scoreChangedSubject.next(message);
    });
  }

  private scheduleReopen(): void {
    this.source?.close();
    this.source = null;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_AFTER_CLOSE_MS.max);
  }

  private close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
  }
}
