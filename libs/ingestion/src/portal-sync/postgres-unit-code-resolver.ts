import type { UnitCodeResolver } from '@idx/portal-sync';
import type { Pool } from 'pg';
import type { UnitLookup } from '../auth/unit-directory';

/**
 * National code → unit code from the unit registry: a unit.registered (or renamed) event carrying
 * the code in `data.nationalCode` / `data.national_code` / `data.nationalCodes[]` (the registry's
 * reference data, issue 11 item 2), else a registered unit whose own code is the national code.
 * Answers are remembered `ttlMs` (a registry change is seen within that).
 */
export class PostgresUnitCodeResolver implements UnitCodeResolver {
  private readonly cache = new Map<string, { unitCode: string | undefined; until: number }>();

  constructor(private readonly pool: Pool, private readonly units: UnitLookup, private readonly ttlMs = 30_000) {}

  async resolve(nationalCode: string): Promise<string | undefined> {
    const key = nationalCode.toUpperCase();
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.unitCode;
    const r = await this.pool.query<{ unit_code: string }>(
      `SELECT unit_code FROM events
        WHERE type LIKE 'unit.%'
          AND (upper(payload->'data'->>'nationalCode') = $1 OR upper(payload->'data'->>'national_code') = $1
               OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(payload->'data'->'nationalCodes') = 'array'
                                                                      THEN payload->'data'->'nationalCodes' ELSE '[]'::jsonb END) c WHERE upper(c) = $1))
        ORDER BY global_position DESC LIMIT 1`,
      [key],
    );
    const own = this.units.get(nationalCode)?.level !== undefined ? nationalCode : undefined;
    const unitCode = r.rows[0]?.unit_code ?? own;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { unitCode, until: Date.now() + this.ttlMs });
    return unitCode;
  }
}
