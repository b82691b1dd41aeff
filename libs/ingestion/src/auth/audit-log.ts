import type { Pool, PoolClient } from 'pg';

/** One line of the audit log: who did what to which target, and the details (never a secret). */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly at: Date;
}

/** Appends to the shared audit_log table (the same one console logins and month closes go to). */
export async function writeAudit(db: Pool | PoolClient, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, target, details) VALUES ($1, $2, $3, $4::jsonb)', [
    entry.actor, entry.action, entry.target ?? null, JSON.stringify(entry.details ?? {}),
  ]);
}

export async function readAudit(db: Pool, target?: string): Promise<AuditRecord[]> {
  const rows = await db.query<{ id: string; at: Date; actor: string; action: string; target: string | null; details: Record<string, unknown> }>(
    `SELECT id::text, at, actor, action, target, details FROM audit_log WHERE $1::text IS NULL OR target = $1 ORDER BY id`, [target ?? null],
  );
  return rows.rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, ...(r.target === null ? {} : { target: r.target }), details: r.details }));
}
