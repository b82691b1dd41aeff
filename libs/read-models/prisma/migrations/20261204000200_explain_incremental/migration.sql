-- Explain, maintained incrementally (docs/explain-paging.md). A live unit's subjects change with every
-- on-time event; rebuilding a 185k-subject list from the whole pool took 15–25 s each time. Now a list
-- (explain_sets) records the subject position it is built up to and takes in only the subjects changed
-- since (subject_facts_unit_position), each change a new version (explain_lists) of the same rows:
-- a row is visible in the versions [from_list, to_list). A cursor pins one version, with its totals.
-- Rows are in the domain's order by a key kept in columns (rank, neg_late, code, stream_id), so a page
-- is a keyset range read of explain_rows_page whatever the depth, and a changed subject only moves its row.
-- All three tables are a cache of what the domain computes from subject_facts: UNLOGGED (emptied after
-- a crash, rebuilt on the next read). The ordinal-based tables of 20261203000200 are replaced.
DROP TABLE IF EXISTS explain_rows;
DROP TABLE IF EXISTS explain_sets;

CREATE UNLOGGED TABLE explain_sets (
  id                 bigserial PRIMARY KEY,
  unit_code          text NOT NULL,
  period             text NOT NULL,
  criterion          smallint NOT NULL,
  -- The units whose subjects are listed (the score's pool when built): another pool is another list.
  members            text[] NOT NULL,
  -- The latest subject_facts.last_position of the pool taken in: changes after it are the next delta.
  subjects_position  bigint NOT NULL,
  -- The instant the time-dependent rows (rows.timed) were last judged at (an open period's pending subjects).
  judged_at          timestamptz NOT NULL,
  -- The current version (explain_lists.id); rows added by a delta take seq from next_seq.
  current_list       bigint,
  next_seq           integer NOT NULL DEFAULT 0,
  complete           boolean NOT NULL DEFAULT false,
  built_at           timestamptz NOT NULL DEFAULT now(),
  -- When a newer list of the same unit-period-criterion was complete (a full rebuild): kept a while for cursors.
  replaced_at        timestamptz
);
CREATE INDEX explain_sets_lookup ON explain_sets (unit_code, period, criterion, id DESC);

-- One version of a set: its totals and the instant it was judged at. A cursor names one (its first number).
CREATE UNLOGGED TABLE explain_lists (
  id            bigserial PRIMARY KEY,
  set_id        bigint NOT NULL REFERENCES explain_sets (id) ON DELETE CASCADE,
  totals        jsonb NOT NULL,
  evaluated_at  timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  replaced_at   timestamptz
);
CREATE INDEX explain_lists_set ON explain_lists (set_id, id);

-- One explained subject in the versions [from_list, to_list) of its set. rank: 0 costs points, 1 counted
-- (in the numerator), 2 not listed but time-dependent (kept so the clock can list it later; never paged).
-- neg_late = -(lateByMs ?? -1): the latest first. code and stream_id compare bytewise (COLLATE "C"), the
-- same order as the service's comparator, whatever the database's default collation.
CREATE UNLOGGED TABLE explain_rows (
  set_id          bigint NOT NULL REFERENCES explain_sets (id) ON DELETE CASCADE,
  seq             integer NOT NULL,
  stream_id       text COLLATE "C" NOT NULL,
  subject_key     text NOT NULL,
  rank            smallint NOT NULL,
  neg_late        bigint NOT NULL,
  code            text COLLATE "C" NOT NULL,
  in_numerator    boolean NOT NULL,
  in_denominator  boolean NOT NULL,
  timed           boolean NOT NULL,
  from_list       bigint NOT NULL,
  to_list         bigint,
  item            json NOT NULL,
  PRIMARY KEY (set_id, seq)
);
CREATE INDEX explain_rows_page ON explain_rows (set_id, rank, neg_late, code, stream_id);
-- The current row of a subject (a delta replaces it; not UNIQUE: one statement retires the old row and adds
-- the new, and a unique check could meet them in either order — the set's row lock keeps one current row),
-- and the current time-dependent rows (re-judged as the clock moves).
CREATE INDEX explain_rows_current ON explain_rows (set_id, subject_key) WHERE to_list IS NULL;
CREATE INDEX explain_rows_timed ON explain_rows (set_id) WHERE timed AND to_list IS NULL;
-- Rows of versions no longer kept go by this one.
CREATE INDEX explain_rows_dead ON explain_rows (set_id, to_list) WHERE to_list IS NOT NULL;
