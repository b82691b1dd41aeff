-- Read models of the scoring projection; kept in step with prisma/schema.prisma.
CREATE TABLE projection_checkpoints (
  name           text PRIMARY KEY,
  transaction_id bigint NOT NULL,
  position       bigint NOT NULL,
  updated_at     timestamptz(6) NOT NULL DEFAULT now()
);

CREATE TABLE subject_facts (
  kind          text NOT NULL,
  key           text NOT NULL,
  unit_code     text NOT NULL,
  window_from   timestamptz(6),
  window_to     timestamptz(6),
  facts         jsonb NOT NULL,
  last_position bigint NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX subject_facts_unit_window ON subject_facts (unit_code, window_from);

CREATE TABLE unit_period_scores (
  unit_code     text NOT NULL,
  period        text NOT NULL,
  period_kind   text NOT NULL,
  rule_set_id   text NOT NULL,
  figures       jsonb NOT NULL,
  score         jsonb NOT NULL,
  total         double precision NOT NULL,
  last_position bigint NOT NULL,
  updated_at    timestamptz(6) NOT NULL,
  PRIMARY KEY (unit_code, period)
);
CREATE INDEX unit_period_scores_period ON unit_period_scores (period);

CREATE TABLE units (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL,
  parent_code text,
  facts       jsonb NOT NULL,
  updated_at  timestamptz(6) NOT NULL
);
CREATE INDEX units_parent ON units (parent_code);
