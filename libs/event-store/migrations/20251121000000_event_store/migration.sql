-- Event store (DESIGN.md §3): append-only events with a per-stream hash chain and the
-- transaction id that gives readers a gap-free order.
CREATE TABLE IF NOT EXISTS streams (
  stream_id   text PRIMARY KEY,
  version     integer NOT NULL,
  last_hash   text NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
  global_position bigserial PRIMARY KEY,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid NOT NULL UNIQUE,
  stream_id       text NOT NULL,
  stream_version  integer NOT NULL,
  type            text NOT NULL,
  schema_version  integer NOT NULL,
  unit_code       text NOT NULL,
  source_system   text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL,
  payload         jsonb NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL,
  UNIQUE (stream_id, stream_version)
);

CREATE INDEX IF NOT EXISTS events_tx_order ON events (transaction_id, global_position);
CREATE INDEX IF NOT EXISTS events_unit_occurred ON events (unit_code, occurred_at);

-- What a sender posted that we could not accept, with its original bytes and the reason.
CREATE TABLE IF NOT EXISTS dead_letters (
  id           bigserial PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  source       text NOT NULL,
  event_id     text,
  reason       text NOT NULL,
  raw          bytea NOT NULL
);
