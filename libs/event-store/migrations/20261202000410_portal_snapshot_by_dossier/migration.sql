-- A progress record (CapNhatTienDoHoSoMC) finds its dossier's unit by the snapshot its source sent.
CREATE INDEX IF NOT EXISTS portal_snapshots_by_source_dossier ON portal_snapshots (source, dossier_code, id DESC);
