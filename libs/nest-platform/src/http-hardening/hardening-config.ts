/**
 * Limits every service applies to its HTTP server (docs/http-hardening.md). Each value is read from
 * `<SERVICE>_<NAME>` first (e.g. INGEST_RATE_LIMIT_MAX), then `<NAME>`, then the default, so one
 * service can be loosened without loosening the others.
 */
export interface HardeningConfig {
  /** Interface to listen on; loopback unless HOST says otherwise (HOST=0.0.0.0 exposes the service). */
  readonly host: string;
  /** Express `trust proxy` setting, for a service behind a reverse proxy (client IPs from X-Forwarded-For). */
  readonly trustProxy: boolean | number | string;
  readonly rateLimit: {
    readonly windowMs: number;
    /** Requests per window per credential (bearer token or session cookie), or per IP without one. */
    readonly perCredential: number;
    /** Requests per window per client IP whatever credential it shows (invented tokens do not buy fresh budgets). */
    readonly perIp: number;
  };
  /** Requests answered at once; the next ones get 503 with Retry-After instead of waiting in a queue. */
  readonly maxConcurrentRequests: number;
  /** A handler that has not answered by then gets 503 with a reason. */
  readonly responseTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this (slow-loris defence). */
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
}

export const HARDENING_DEFAULTS = {
  windowMs: 60_000,
  // Benchmarks send 30,000 events/s in batches of 100–1,000 (30–300 requests/s) on one credential.
  perCredential: 30_000,
  perIp: 60_000,
  maxConcurrentRequests: 256,
  responseTimeoutMs: 120_000,
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
} as const;

function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function hardeningConfig(service: string, env: NodeJS.ProcessEnv = process.env): HardeningConfig {
  const read = (name: string): string | undefined => env[`${service.toUpperCase()}_${name}`] ?? env[name];
  const positive = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a positive whole number`);
    return n;
  };
  const d = HARDENING_DEFAULTS;
  return {
    host: read('HOST') || '127.0.0.1',
    trustProxy: trustProxyOf(read('TRUST_PROXY')),
    rateLimit: {
      windowMs: positive('RATE_LIMIT_WINDOW_MS', d.windowMs),
      perCredential: positive('RATE_LIMIT_MAX', d.perCredential),
      perIp: positive('RATE_LIMIT_IP_MAX', d.perIp),
    },
    maxConcurrentRequests: positive('MAX_CONCURRENT_REQUESTS', d.maxConcurrentRequests),
    responseTimeoutMs: positive('RESPONSE_TIMEOUT_MS', d.responseTimeoutMs),
    requestTimeoutMs: positive('REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    headersTimeoutMs: positive('HEADERS_TIMEOUT_MS', d.headersTimeoutMs),
    keepAliveTimeoutMs: positive('KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs),
  };
}
