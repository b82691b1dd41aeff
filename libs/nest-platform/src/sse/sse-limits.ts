/** Bounds of a server-sent-event endpoint (docs/http-hardening.md). */
export interface SseLimits {
  /** Open connections at most; one more is answered 503 with Retry-After. */
  readonly maxConnections: number;
  /** A connection is ended after this long; the browser reconnects after `retryMs` (the `retry:` hint). */
  readonly maxLifetimeMs: number;
  /** A comment line is sent this often, so proxies and clients see the connection alive. */
  readonly heartbeatMs: number;
  readonly retryMs: number;
  /** A client that leaves more than this unread is dropped (it reconnects and refetches). */
  readonly maxBufferedBytes: number;
}

export const SSE_DEFAULTS: SseLimits = {
  maxConnections: 200,
  maxLifetimeMs: 30 * 60_000,
  heartbeatMs: 20_000,
  retryMs: 5_000,
  maxBufferedBytes: 1 << 20,
};

export function sseLimits(env: NodeJS.ProcessEnv = process.env): SseLimits {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a positive whole number`);
    return n;
  };
  return {
    maxConnections: positive('SSE_MAX_CONNECTIONS', SSE_DEFAULTS.maxConnections),
    maxLifetimeMs: positive('SSE_MAX_LIFETIME_MS', SSE_DEFAULTS.maxLifetimeMs),
    heartbeatMs: positive('SSE_HEARTBEAT_MS', SSE_DEFAULTS.heartbeatMs),
    retryMs: positive('SSE_RETRY_MS', SSE_DEFAULTS.retryMs),
    maxBufferedBytes: positive('SSE_MAX_BUFFERED_BYTES', SSE_DEFAULTS.maxBufferedBytes),
  };
}
