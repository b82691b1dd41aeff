-- Writer credentials (docs/writer-credentials.md): one API key per one-stop system, stored only as
-- its SHA-256 (the key is 32 random bytes, so a fast hash is enough), bound to unit subtrees and to
-- the source-system name the writer's events must carry.
CREATE TABLE IF NOT EXISTS writer_credentials (
  id                    text PRIMARY KEY,
  source_system         text NOT NULL,
  units                 text[] NOT NULL,
  manage_units          boolean NOT NULL DEFAULT false,
  key_hash              bytea NOT NULL,
  -- After a rotation with a grace period, the old key's hash stays valid until this instant.
  previous_key_hash     bytea,
  previous_valid_until  timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            text NOT NULL,
  rotated_at            timestamptz,
  revoked_at            timestamptz,
  CHECK (cardinality(units) > 0)
);

-- Who did what, when: credential changes (here), console logins and month closes (console accounts).
CREATE TABLE IF NOT EXISTS audit_log (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  actor    text NOT NULL,
  action   text NOT NULL,
  target   text,
  details  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_target ON audit_log (target, at);

-- Ingest's unit directory reads only unit events after its checkpoint, before batches: without
-- this index that read would scan every dossier event appended since the last unit change.
CREATE INDEX IF NOT EXISTS events_unit_order ON events (transaction_id, global_position) WHERE type LIKE 'unit.%';
