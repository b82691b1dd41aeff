import type { Pool } from 'pg';

export interface DossierRef {
  readonly unitCode: string;
  readonly dossierCode: string;
}

/** Which of our dossiers the portal got a sync for. */
export interface PortalSyncedDossiers {
  /** The `unitCode\u0000dossierCode` keys of those among `dossiers` that came through the sync format at least once. */
  synced(dossiers: readonly DossierRef[]): Promise<ReadonlySet<string>>;
}

export const dossierKey = (d: DossierRef): string => `${d.unitCode}\u0000${d.dossierCode}`;

/**
 * Reads the snapshots ingest kept of the portal sync format (portal_snapshots, docs/portal-sync.md):
 * a dossier with one came through DongBoHoSoMC — what a one-stop system sends the portal — so the
 * portal got it; a dossier without one reached us only as native events.
 */
export class PostgresPortalSyncedDossiers implements PortalSyncedDossiers {
  constructor(private readonly pool: Pool) {}

  async synced(dossiers: readonly DossierRef[]): Promise<ReadonlySet<string>> {
    if (dossiers.length === 0) return new Set();
    const { rows } = await this.pool.query<{ unit_code: string; dossier_code: string }>(
      `SELECT DISTINCT s.unit_code, s.dossier_code
         FROM portal_snapshots s
         JOIN unnest($1::text[], $2::text[]) AS d(unit_code, dossier_code)
           ON s.unit_code = d.unit_code AND s.dossier_code = d.dossier_code
        WHERE s.service = 'DongBoHoSoMC'`,
      [dossiers.map((d) => d.unitCode), dossiers.map((d) => d.dossierCode)],
    );
    return new Set(rows.map((r) => dossierKey({ unitCode: r.unit_code, dossierCode: r.dossier_code })));
  }
}
