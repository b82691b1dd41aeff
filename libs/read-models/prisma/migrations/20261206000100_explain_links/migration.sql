-- Explain's joined criteria taken in incrementally (docs/explain-paging.md). Criteria 7, 9, 10, 17 judge
-- a procedure by its dossiers and 12, 13 a dossier by its procedure, joined by procedure code. A changed
-- dossier can only move the rows of its procedure codes, the one it had and the one it has now (a later
-- `received` may move it to another procedure, so its current facts alone do not say the old one); a
-- changed procedure only the rows of its dossiers. Each joined set keeps, for every dossier of its pool
-- that can count in the period, the procedure code it was last judged under: the old code of a changed
-- dossier, and by the index the dossiers of a code. Only the current state (not versioned: only deltas,
-- which work on the current version, read it), moved by the same compare-and-set as the set's version.
-- UNLOGGED, a cache like the other explain tables.
-- evidence_from (7, 9, 10, 17): the evaluation instant (epoch ms) from which the dossier is evidence for
-- its procedure (the domain's evidenceFrom; null: not even at the period's end). A procedure is judged
-- alike with all its dossiers and with only the earliest-evidence one, so a delta loads one per code
-- (explain_links_evidence) instead of a heavy procedure's tens of thousands.
CREATE UNLOGGED TABLE explain_links (
  set_id         bigint NOT NULL REFERENCES explain_sets (id) ON DELETE CASCADE,
  subject_key    text NOT NULL,
  join_code      text NOT NULL,
  evidence_from  bigint,
  PRIMARY KEY (set_id, subject_key)
);
CREATE INDEX explain_links_code ON explain_links (set_id, join_code);
CREATE INDEX explain_links_evidence ON explain_links (set_id, join_code, evidence_from) WHERE evidence_from IS NOT NULL;
