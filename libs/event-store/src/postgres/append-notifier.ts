import type { Pool } from 'pg';

export const EVENTS_APPENDED_CHANNEL = 'events_appended';

/**
 * Wakes subscribers after appends have committed, outside the appends' transactions. A NOTIFY inside
 * a transaction takes a database-wide lock that it holds through its commit, so every notifying
 * append waited for the previous one's WAL flush: 8 writers of one-row transactions managed 2.1–3.3×
 * fewer commits per second with it than without (docs/performance.md). A NOTIFY on its own has no
 * transaction id, so it writes no WAL and waits for no flush.
 *
 * Bursts coalesce: one NOTIFY in flight, at most one more queued behind it. Appenders do not wait for
 * it; a lost one costs a subscriber at most its idle wait (it reads again then anyway).
 */
export class AppendNotifier {
  private inFlight = false;
  private again = false;

  constructor(private readonly pool: Pool) {}

  poke(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.pool.query(`SELECT pg_notify('${EVENTS_APPENDED_CHANNEL}', '')`)
      .catch(() => undefined) // a pool that is closing: the subscribers' idle wait covers it
      .finally(() => {
        this.inFlight = false;
        if (!this.again) return;
        this.again = false;
        this.poke();
      });
  }
}
