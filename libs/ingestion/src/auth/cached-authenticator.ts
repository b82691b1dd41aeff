import { createHash } from 'node:crypto';
import type { Authentication } from './writer';

export interface Authenticator {
  authenticate(header: string | undefined): Promise<Authentication>;
}

/**
 * Remembers recent answers per presented header (by its hash, never the key itself) for a few
 * seconds, so a Kafka consumer checks each message without a database round trip per message. A
 * revoked or rotated key therefore stops working within `ttlMs`. Bounded: a flood of made-up keys
 * empties the cache rather than filling memory.
 */
export class CachedAuthenticator implements Authenticator {
  private readonly answers = new Map<string, { answer: Authentication; until: number }>();

  constructor(private readonly inner: Authenticator, private readonly ttlMs = 5_000, private readonly maxEntries = 10_000) {}

  async authenticate(header: string | undefined): Promise<Authentication> {
    const key = createHash('sha256').update(header ?? '').digest('base64');
    const now = Date.now();
    const hit = this.answers.get(key);
    if (hit && hit.until > now) return hit.answer;
    const answer = await this.inner.authenticate(header);
    if (this.answers.size >= this.maxEntries) this.answers.clear();
    this.answers.set(key, { answer, until: now + this.ttlMs });
    return answer;
  }
}
