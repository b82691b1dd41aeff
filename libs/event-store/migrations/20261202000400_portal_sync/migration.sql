-- The national portal's sync format (docs/portal-sync.md).

-- Sessions a one-stop system opens with username + password (its source name + API key), as its
-- portal client already does. Only the SHA-256 of the token is stored; the key hash it was opened
-- with ties it to that key, so a rotation (after its grace period) or a revocation ends it.
CREATE TABLE IF NOT EXISTS portal_sessions (
  token_hash     bytea PRIMARY KEY,
  credential_id  text NOT NULL REFERENCES writer_credentials (id),
  key_hash       bytea NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_sessions_expiry ON portal_sessions (expires_at);

-- Every accepted dossier snapshot (or processing step) byte for byte, with the events derived from
-- it: what the source sent, for the auditor. The same bytes again from the same source count one
-- more occurrence. Rejected ones are dead letters, as for the event endpoint.
CREATE TABLE IF NOT EXISTS portal_snapshots (
  id                bigserial PRIMARY KEY,
  source            text NOT NULL,
  service           text NOT NULL,
  dossier_code      text NOT NULL,
  unit_code         text NOT NULL,
  national_code     text NOT NULL,
  raw               bytea NOT NULL,
  raw_sha256        bytea NOT NULL,
  event_ids         uuid[] NOT NULL,
  first_received_at timestamptz NOT NULL DEFAULT now(),
  last_received_at  timestamptz NOT NULL DEFAULT now(),
  occurrences       integer NOT NULL DEFAULT 1,
  UNIQUE (source, raw_sha256)
);
CREATE INDEX IF NOT EXISTS portal_snapshots_dossier ON portal_snapshots (unit_code, dossier_code);
