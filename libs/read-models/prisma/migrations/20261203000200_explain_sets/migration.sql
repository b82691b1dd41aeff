-- Explain, paged (docs/explain-paging.md). A criterion's explanation over a province-month is
-- ~185k subjects: classifying them is one pass over the pool's subjects (seconds), so the pass is
-- kept here, in the order the domain sorts it (ordinal), and every page after it is a keyset read
-- of PostgreSQL's primary-key index. A set is rebuilt when what it was built from moved (`source`:
-- the finished score's position and the pool's latest subject position) or, for an open period,
-- when the clock has moved on (evaluated_at older than a minute).
CREATE TABLE explain_sets (
  id            bigserial PRIMARY KEY,
  unit_code     text NOT NULL,
  period        text NOT NULL,
  criterion     smallint NOT NULL,
  source        text NOT NULL,
  evaluated_at  timestamptz NOT NULL,
  totals        jsonb NOT NULL,
  complete      boolean NOT NULL DEFAULT false,
  built_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX explain_sets_lookup ON explain_sets (unit_code, period, criterion, id DESC);

CREATE TABLE explain_rows (
  set_id        bigint NOT NULL REFERENCES explain_sets (id) ON DELETE CASCADE,
  ordinal       integer NOT NULL,
  costs_points  boolean NOT NULL,
  in_numerator  boolean NOT NULL,
  item          jsonb NOT NULL,
  PRIMARY KEY (set_id, ordinal)
);
-- A page of one category (those that cost points, those counted) in the domain's order.
CREATE INDEX explain_rows_costs ON explain_rows (set_id, costs_points, ordinal);
CREATE INDEX explain_rows_counted ON explain_rows (set_id, in_numerator, ordinal);
