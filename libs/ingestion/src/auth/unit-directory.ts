import { canonicalNationalCode, type DomainEvent, evolveUnit, type UnitFacts, type UnitStreamEvent } from '@idx/domain';
import type { Pool } from 'pg';

/** Read access to the unit tree as ingestion checks it; codes are looked up in Maps only (no prototype keys). */
export interface UnitLookup {
  get(code: string): UnitFacts | undefined;
}

/**
 * The registered units, folded from the unit streams in the event store with the domain's own
 * unit fold, kept current by reading only unit events after the last seen checkpoint.
 *
 * Reads follow the store's gap-free order (transaction id, position): the checkpoint only moves over
 * transactions older than every one still running, so an event committed late is never skipped.
 * Events of newer transactions are folded too (so a registration is usable at once) and remembered
 * by id, so the next read does not fold them twice.
 */
export class UnitDirectory implements UnitLookup {
  private readonly units = new Map<string, UnitFacts>();
  private readonly byNationalCode = new Map<string, Set<string>>();
  private readonly foldedBeyondCheckpoint = new Set<string>();
  private checkpoint = { tx: '0', pos: '0' };
  private lastRefresh = 0;
  private refreshing?: Promise<void>;

  constructor(private readonly pool: Pool, private readonly maxAgeMs = 250) {}

  get(code: string): UnitFacts | undefined {
    return this.units.get(code);
  }

  /** The units carrying a national code (canonical form, canonicalNationalCode), as last read. */
  carriersOf(nationalCode: string): readonly string[] {
    return [...(this.byNationalCode.get(nationalCode) ?? [])];
  }

  /** Reads new unit events unless the last read is younger than `maxAgeMs` (or `force`). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastRefresh < this.maxAgeMs) return;
    // One read at a time; a forced caller waits for the running read and then reads again.
    while (this.refreshing) {
      await this.refreshing;
      if (!force) return;
    }
    this.refreshing = this.read().finally(() => (this.refreshing = undefined));
    await this.refreshing;
  }

  private async read(): Promise<void> {
    const started = Date.now();
    const rows = await this.pool.query<{ event_id: string; tx: string; pos: string; payload: DomainEvent; settled: boolean }>(
      `SELECT event_id::text, transaction_id::text AS tx, global_position::text AS pos, payload,
              transaction_id < (SELECT events_read_horizon()) AS settled
         FROM events
        WHERE type LIKE 'unit.%' AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
        ORDER BY transaction_id, global_position`,
      [this.checkpoint.tx, this.checkpoint.pos],
    );
    for (const row of rows.rows) {
      if (!this.foldedBeyondCheckpoint.has(row.event_id)) {
        const event = row.payload as UnitStreamEvent;
        const before = this.units.get(event.unitCode);
        const unit = evolveUnit(before, event);
        this.units.set(event.unitCode, unit);
        // unit.national-codes-set replaces the codes: the old ones stop naming the unit.
        for (const code of before?.nationalCodes ?? []) this.byNationalCode.get(canonicalNationalCode(code))?.delete(event.unitCode);
        for (const code of unit.nationalCodes ?? []) {
          const key = canonicalNationalCode(code);
          this.byNationalCode.set(key, (this.byNationalCode.get(key) ?? new Set()).add(event.unitCode));
        }
      }
      if (row.settled) {
        this.checkpoint = { tx: row.tx, pos: row.pos };
        this.foldedBeyondCheckpoint.delete(row.event_id);
      } else {
        this.foldedBeyondCheckpoint.add(row.event_id);
      }
    }
    this.lastRefresh = started;
  }
}

/** The directory as one batch sees it: unit events accepted earlier in the batch already count. */
export class BatchUnitView implements UnitLookup {
  private readonly overlay = new Map<string, UnitFacts>();

  constructor(private readonly base: UnitLookup) {}

  get(code: string): UnitFacts | undefined {
    return this.overlay.get(code) ?? this.base.get(code);
  }

  apply(event: UnitStreamEvent): void {
    this.overlay.set(event.unitCode, evolveUnit(this.get(event.unitCode), event));
  }
}
