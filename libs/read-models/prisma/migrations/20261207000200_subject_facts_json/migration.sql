-- A subject's facts stored as json (the text as written), not jsonb. Nothing in SQL looks inside
-- facts but one ->> on a procedure's code (explain's joins, a handful of rows); every reader parses
-- them in Node. jsonb built a binary tree on each write and turned it back into text on each read:
-- reading 56,689 subjects' facts as text took 1.24–1.51 s of server time against 0.41–0.54 s as json
-- (docs/explain-paging.md, "Facts as json"), and a rebuild's COPY of a subject row ~29 against
-- ~15 µs. The rewrite gives the table a new file, so every unit_period_tallies row is stale
-- (facts_file) and summed again from its subjects once, as after a rebuild.
ALTER TABLE subject_facts ALTER COLUMN facts TYPE json USING facts::json;
