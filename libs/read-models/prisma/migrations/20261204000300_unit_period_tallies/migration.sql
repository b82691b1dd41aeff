-- Incremental scoring (docs/projection-tallies.md): a unit-period's dossier and petition counts kept
-- as sums over its subjects, moved by each changed subject's contribution (old out, new in), so a
-- batch costs what it changed and not the unit's size.
--   rebased_at   when every contribution was last judged together (a full recompute): a subject's
--                contribution is judged at the later of this and its own subject_facts.scored_at;
--   facts_file   the storage file (pg_relation_filenode) of the subject_facts the sums were made
--                from: a rebuild swaps another table in, a TRUNCATE gives it a new file — either makes
--                every older row stale, and a stale row is summed again from every subject.
CREATE TABLE unit_period_tallies (
  unit_code    text NOT NULL,
  period       text NOT NULL,
  tallies      jsonb NOT NULL,
  subjects     integer NOT NULL,
  rebased_at   bigint NOT NULL,
  facts_file   oid NOT NULL,
  PRIMARY KEY (unit_code, period)
);

-- Epoch ms at which the subject's contribution to its unit's tallies was last judged.
ALTER TABLE subject_facts ADD COLUMN scored_at bigint;

-- Procedures and the unit's own facts are read whole at each recompute: without this, finding them
-- would walk every dossier of the unit.
CREATE INDEX subject_facts_catalogue ON subject_facts (unit_code, window_from) WHERE kind IN ('procedure', 'unit');
