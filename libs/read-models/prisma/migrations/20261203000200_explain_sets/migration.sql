-- Explain, paged (docs/explain-paging.md). A criterion's explanation over a province-month is
-- ~185k subjects: classifying them is one pass over the pool's subjects (seconds), so the pass is
-- kept here, in the order the domain sorts it (ordinal), and every page after it is a keyset read
-- of PostgreSQL's primary-key index. A set is rebuilt when what it was built from moved (`source`:
-- the finished score's position and the pool's latest subject position) or, for an open period,
-- when the clock has moved on (evaluated_at older than a minute).
-- Both tables are a cache of what the domain computes from subject_facts: UNLOGGED (no WAL, emptied
-- after a crash, rebuilt on the next read), which makes building a 185k-row list several times cheaper.
CREATE UNLOGGED TABLE explain_sets (
  id            bigserial PRIMARY KEY,
  unit_code     text NOT NULL,
  period        text NOT NULL,
  criterion     smallint NOT NULL,
  source        text NOT NULL,
  evaluated_at  timestamptz NOT NULL,
  totals        jsonb NOT NULL,
  complete      boolean NOT NULL DEFAULT false,
  built_at      timestamptz NOT NULL DEFAULT now(),
  -- When a newer list of the same unit-period-criterion was complete: kept a while for readers paging it.
  replaced_at   timestamptz
);
CREATE INDEX explain_sets_lookup ON explain_sets (unit_code, period, criterion, id DESC);

-- The domain lists those that cost points first, and every other listed subject is in the numerator
-- (a subject in neither is not listed): each category is a range of ordinals, read through the primary
-- key. `item` is json (kept as text): it is only ever sent back as it was written.
CREATE UNLOGGED TABLE explain_rows (
  set_id        bigint NOT NULL REFERENCES explain_sets (id) ON DELETE CASCADE,
  ordinal       integer NOT NULL,
  costs_points  boolean NOT NULL,
  in_numerator  boolean NOT NULL,
  item          json NOT NULL,
  PRIMARY KEY (set_id, ordinal)
);

-- Whether any subject of a pool changed since a list was built, in one index probe per pooled unit
-- (the latest position of each unit's subjects) instead of visiting the period's ~185k rows per page.
CREATE INDEX subject_facts_unit_position ON subject_facts (unit_code, last_position);
