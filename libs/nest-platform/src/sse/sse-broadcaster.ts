import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SseLimits } from './sse-limits';

/** Whether one connection may see one message (e.g. a provincial account sees its own province's changes only). */
export type SseFilter = (data: unknown) => boolean | Promise<boolean>;

interface Client {
  readonly res: ServerResponse;
  readonly expiry: NodeJS.Timeout;
  readonly accepts?: SseFilter;
}

/**
 * Fans one stream of messages out to every open server-sent-event connection, within bounds: a cap
 * on connections, a maximum lifetime (the client reconnects after the `retry:` hint), one shared
 * heartbeat timer, and slow readers dropped. A connection is held only in `clients`; closing it —
 * by the client, the lifetime or shutdown — removes it and its timer, so nothing outlives it.
 */
export class SseBroadcaster {
  private readonly clients = new Set<Client>();
  private heartbeat?: NodeJS.Timeout;

  constructor(readonly limits: SseLimits) {}

  /** Open connections now (shown on /health; back to 0 once every client has gone). */
  get connections(): number {
    return this.clients.size;
  }

  /** Whether the shared heartbeat timer runs (only while a client is connected). */
  get heartbeatRunning(): boolean {
    return this.heartbeat !== undefined;
  }

  open(req: IncomingMessage, res: ServerResponse, accepts?: SseFilter): void {
    if (this.clients.size >= this.limits.maxConnections) {
      const retryAfter = Math.ceil(this.limits.retryMs / 1000);
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter), connection: 'close' });
      res.end(JSON.stringify({
        statusCode: 503,
        reason: `the live stream already has ${this.limits.maxConnections} connections (SSE_MAX_CONNECTIONS); retry after ${retryAfter} s`,
      }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    req.socket.setNoDelay(true);
    res.write(`retry: ${this.limits.retryMs}\n\n`);
    const client: Client = {
      res,
      ...(accepts ? { accepts } : {}),
      expiry: setTimeout(() => this.end(client, 'max lifetime reached (SSE_MAX_LIFETIME_MS); reconnect'), this.limits.maxLifetimeMs),
    };
    client.expiry.unref();
    this.clients.add(client);
    const forget = (): void => this.forget(client);
    req.once('close', forget);
    res.once('close', forget);
    res.once('error', forget);
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.writeAll(`: heartbeat ${new Date().toISOString()}\n\n`), this.limits.heartbeatMs);
      this.heartbeat.unref();
    }
  }

  /** One named event with JSON data, to every open connection that accepts it. */
  send(event: string, data: unknown): void {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of [...this.clients]) {
      if (!client.accepts) this.write(client, chunk);
      else {
        void Promise.resolve(client.accepts(data)).catch(() => false).then((ok) => {
          if (ok && this.clients.has(client)) this.write(client, chunk);
        });
      }
    }
  }

  /** Ends every connection (at shutdown, so the server can close). */
  closeAll(): void {
    for (const client of [...this.clients]) this.end(client, 'the service is stopping; reconnect');
  }

  private writeAll(chunk: string): void {
    for (const client of [...this.clients]) this.write(client, chunk);
  }

  private write(client: Client, chunk: string): void {
    client.res.write(chunk);
    if (client.res.writableLength > this.limits.maxBufferedBytes) {
      this.forget(client);
      client.res.destroy();
    }
  }

  private end(client: Client, why: string): void {
    this.forget(client);
    client.res.end(`: ${why}\n\n`);
  }

  private forget(client: Client): void {
    if (!this.clients.delete(client)) return;
    clearTimeout(client.expiry);
    if (this.clients.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }
}
