-- One score, computed once (docs/one-score.md): the finished score of every unit-period, as every
-- reader shows it — pooled over the units that existed during the period (the unit's own figures
-- stay in unit_period_scores), criterion 4's fallback folded in, level-aware, rescaled, with the
-- displayed total (half-up), the activity flag and the pooled member codes. Written by the scoring
-- projector in the same transaction as the own figures it is made of. Filled by the projector from
-- here on; an existing database gets its rows with a projection rebuild (npm run rebuild).
CREATE TABLE finished_scores (
  unit_code      text NOT NULL,
  period         text NOT NULL,
  period_kind    text NOT NULL,
  rule_set_id    text NOT NULL,
  level          text,
  figures        jsonb NOT NULL,
  score          jsonb NOT NULL,
  total          double precision NOT NULL,
  has_activity   boolean NOT NULL,
  pooled_units   text[] NOT NULL,
  last_position  bigint NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (unit_code, period)
);
CREATE INDEX finished_scores_period ON finished_scores (period);
