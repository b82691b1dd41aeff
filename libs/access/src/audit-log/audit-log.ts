import type { AuditLogEntryDto, AuditLogPageDto } from '@idx/contracts';
import type { Pool } from 'pg';
import { printable } from '../text';

/** Actions this lib records; other slices add their own (e.g. credential changes). */
export type ConsoleAuditAction =
  | 'login.succeeded' | 'login.failed' | 'logout'
  | 'period.closed'
  | 'account.created' | 'account.password-changed' | 'account.disabled' | 'account.enabled';

export interface AuditEntry {
  /** Who: a username, or `cli:<os user>` / `npm-start` for the tools. */
  readonly actor: string;
  readonly action: ConsoleAuditAction | string;
  /** What it was done to: a username, a period, … */
  readonly target: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** PostgreSQL rejects NUL in text and jsonb: hostile text is cleaned and cut, never a 500. */
export function auditText(value: string, max = 200): string {
  const clean = printable(value);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Append-only: entries are written, never updated or deleted by the platform. */
export class AuditLog {
  constructor(private readonly pool: Pool) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO audit_log (actor, action, target, details) VALUES ($1, $2, $3, $4)', [
      auditText(entry.actor), auditText(entry.action), auditText(entry.target), JSON.stringify(entry.details ?? {}, (_k, v) => (typeof v === 'string' ? auditText(v, 500) : v)),
    ]);
  }

  /** Newest first, `limit` at a time; `before` is the id where the previous page stopped. */
  async page(options: { readonly limit: number; readonly before?: bigint }): Promise<AuditLogPageDto> {
    const rows = (await this.pool.query<{ id: string; at: Date; actor: string; action: string; target: string; details: Record<string, unknown> }>(
      `SELECT id::text, at, actor, action, target, details FROM audit_log
        WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [options.before?.toString() ?? null, options.limit + 1],
    )).rows;
    const entries: AuditLogEntryDto[] = rows.slice(0, options.limit).map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, target: r.target, details: r.details }));
    return { entries, nextBefore: rows.length > options.limit ? entries[entries.length - 1].id : null };
  }
}
