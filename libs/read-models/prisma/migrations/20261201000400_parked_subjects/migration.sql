-- Scoring never halts (docs/scoring-resilience.md): a subject whose event the projector cannot fold
-- is parked — that event and every later one of the same subject wait here, not applied, while
-- every other subject goes on. An auditor retries (re-fold; success removes the parking) or skips
-- (the events stay recorded as skipped; the subject folds again from its next event on).
CREATE TABLE parked_subjects (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL,
  key               text NOT NULL,
  unit_code         text NOT NULL,
  error             text NOT NULL,
  status            text NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'skipped')),
  first_seen        timestamptz NOT NULL DEFAULT now(),
  last_seen         timestamptz NOT NULL DEFAULT now(),
  resolved_at       timestamptz,
  resolved_by       text,
  resolution_reason text
);
-- At most one open parking per subject; skipped ones stay as the record.
CREATE UNIQUE INDEX parked_subjects_open ON parked_subjects (kind, key) WHERE status = 'parked';
CREATE INDEX parked_subjects_status ON parked_subjects (status, first_seen);

CREATE TABLE parked_events (
  parked_id      bigint NOT NULL REFERENCES parked_subjects (id) ON DELETE CASCADE,
  transaction_id bigint NOT NULL,
  position       bigint NOT NULL,
  event_id       text NOT NULL,
  unit_code      text NOT NULL,
  event          jsonb NOT NULL,
  -- The error this event met; NULL for a later event parked behind the first one.
  error          text,
  status         text NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'skipped')),
  first_seen     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (parked_id, position)
);
-- A rebuild skips what an auditor skipped: found by event id.
CREATE INDEX parked_events_skipped ON parked_events (event_id) WHERE status = 'skipped';

-- A unit-period whose recompute threw: the row keeps its last good figures; cleared when a later
-- recompute of the same unit-period succeeds.
CREATE TABLE failed_recomputes (
  unit_code  text NOT NULL,
  period     text NOT NULL,
  error      text NOT NULL,
  attempts   integer NOT NULL DEFAULT 1,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_code, period)
);
