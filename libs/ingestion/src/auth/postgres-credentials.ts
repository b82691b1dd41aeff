import type { Pool, PoolClient } from 'pg';
import { bearerKey, credentialIdOf, hashApiKey, newApiKey, newCredentialId, sameHash } from './api-key';
import { writeAudit } from './audit-log';
import { ALL_UNITS, type Authentication, type Writer } from './writer';

export interface NewCredential {
  readonly sourceSystem: string;
  readonly units: readonly string[];
  readonly manageUnits?: boolean;
  /** Who asks (an OS user, an admin account): recorded in the audit log. */
  readonly by: string;
  /** A chosen id (idempotent demo set-up); a random one otherwise. */
  readonly id?: string;
}

export interface CredentialInfo {
  readonly id: string;
  readonly sourceSystem: string;
  readonly units: readonly string[];
  readonly manageUnits: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly rotatedAt?: Date;
  /** After a rotation with a grace period: when the previous key stops working. */
  readonly previousKeyValidUntil?: Date;
  readonly revokedAt?: Date;
}

/** A key is shown once, here, and never stored. */
export interface IssuedKey {
  readonly credential: CredentialInfo;
  readonly apiKey: string;
}

export class CredentialError extends Error {}

interface Row {
  id: string;
  source_system: string;
  units: string[];
  manage_units: boolean;
  key_hash: Buffer;
  previous_key_hash: Buffer | null;
  previous_valid_until: Date | null;
  created_at: Date;
  created_by: string;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SOURCE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function infoOf(r: Row): CredentialInfo {
  return {
    id: r.id, sourceSystem: r.source_system, units: r.units, manageUnits: r.manage_units, createdAt: r.created_at, createdBy: r.created_by,
    ...(r.rotated_at ? { rotatedAt: r.rotated_at } : {}),
    ...(r.previous_valid_until && r.previous_valid_until > new Date() ? { previousKeyValidUntil: r.previous_valid_until } : {}),
    ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
  };
}

const REFUSED = 'the API key is not valid (unknown, replaced by a rotation, or revoked): ask the index operator for the current key';

/**
 * Writer credentials in PostgreSQL: created, rotated and revoked with an audit-log line in the same
 * transaction, and verified against the stored hash in constant time.
 */
export class PostgresCredentials {
  constructor(private readonly pool: Pool) {}

  async create(input: NewCredential): Promise<IssuedKey> {
    const units = [...new Set(input.units.map((u) => u.trim()).filter((u) => u.length > 0))];
    if (units.length === 0) throw new CredentialError('--units needs at least one unit code (or * for every unit)');
    for (const u of units) {
      if (u !== ALL_UNITS && !UNIT_CODE.test(u)) throw new CredentialError(`"${u}" is not a unit code`);
    }
    if (units.includes(ALL_UNITS) && units.length > 1) throw new CredentialError('* already covers every unit; give it alone');
    if (!SOURCE.test(input.sourceSystem)) throw new CredentialError(`--source "${input.sourceSystem}" must be letters, digits and . _ : - (at most 128)`);
    const id = input.id ?? newCredentialId();
    const apiKey = newApiKey(id);
    return this.inTransaction(async (c) => {
      const inserted = await c.query<Row>(
        `INSERT INTO writer_credentials (id, source_system, units, manage_units, key_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING *`,
        [id, input.sourceSystem, units, input.manageUnits ?? false, hashApiKey(apiKey), input.by],
      );
      if (inserted.rowCount === 0) throw new CredentialError(`a credential with id ${id} already exists`);
      await writeAudit(c, { actor: input.by, action: 'credential.create', target: id, details: { sourceSystem: input.sourceSystem, units, manageUnits: input.manageUnits ?? false } });
      return { credential: infoOf(inserted.rows[0]), apiKey };
    });
  }

  /**
   * A new key for the credential. The old key stops working at once, or — with a grace period —
   * keeps working until then, so the one-stop system can switch without losing a batch.
   */
  async rotate(id: string, by: string, graceSeconds = 0): Promise<IssuedKey> {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > 30 * 86_400) {
      throw new CredentialError('the grace period must be a whole number of seconds between 0 and 30 days');
    }
    const apiKey = newApiKey(id);
    return this.inTransaction(async (c) => {
      const updated = await c.query<Row>(
        `UPDATE writer_credentials SET
           previous_key_hash = CASE WHEN $3::int > 0 THEN key_hash END,
           previous_valid_until = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3::int) END,
           key_hash = $2, rotated_at = now()
         WHERE id = $1 AND revoked_at IS NULL RETURNING *`,
        [id, hashApiKey(apiKey), graceSeconds],
      );
      if (updated.rowCount === 0) throw new CredentialError(`no active credential ${id} (see: credentials list)`);
      await writeAudit(c, { actor: by, action: 'credential.rotate', target: id, details: { graceSeconds } });
      return { credential: infoOf(updated.rows[0]), apiKey };
    });
  }

  /** Revoked at once, for good: both the current key and any previous one in its grace period. */
  async revoke(id: string, by: string): Promise<CredentialInfo> {
    return this.inTransaction(async (c) => {
      const updated = await c.query<Row>(
        `UPDATE writer_credentials SET revoked_at = now(), previous_key_hash = NULL, previous_valid_until = NULL
         WHERE id = $1 AND revoked_at IS NULL RETURNING *`, [id],
      );
      if (updated.rowCount === 0) throw new CredentialError(`no active credential ${id} (see: credentials list)`);
      await writeAudit(c, { actor: by, action: 'credential.revoke', target: id, details: {} });
      return infoOf(updated.rows[0]);
    });
  }

  async list(): Promise<CredentialInfo[]> {
    return (await this.pool.query<Row>('SELECT * FROM writer_credentials ORDER BY created_at, id')).rows.map(infoOf);
  }

  async get(id: string): Promise<CredentialInfo | undefined> {
    const r = await this.pool.query<Row>('SELECT * FROM writer_credentials WHERE id = $1', [id]);
    return r.rows[0] ? infoOf(r.rows[0]) : undefined;
  }

  /** Who an Authorization header value (`Bearer <key>`) belongs to, or why it is refused. */
  async authenticate(header: string | undefined): Promise<Authentication> {
    const bearer = bearerKey(header);
    if (!bearer.ok) return bearer;
    return this.verify(bearer.key);
  }

  async verify(apiKey: string): Promise<Authentication> {
    const id = credentialIdOf(apiKey);
    if (!id) return { ok: false, reason: 'the API key is malformed: it must be the whole key printed by "credentials create", qd766_<id>_<secret>' };
    const r = await this.pool.query<Row>('SELECT *, previous_valid_until > now() AS previous_valid FROM writer_credentials WHERE id = $1', [id]);
    const row = r.rows[0] as (Row & { previous_valid: boolean | null }) | undefined;
    const presented = hashApiKey(apiKey);
    // Compare even when the row is missing, so timing does not tell which ids exist.
    const current = sameHash(presented, row?.key_hash ?? Buffer.alloc(32));
    const previous = row?.previous_valid === true && sameHash(presented, row.previous_key_hash);
    if (!row || row.revoked_at !== null || !(current || previous)) return { ok: false, reason: REFUSED };
    const writer: Writer = { credentialId: row.id, sourceSystem: row.source_system, units: row.units, manageUnits: row.manage_units };
    return { ok: true, writer };
  }

  private async inTransaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  }
}
