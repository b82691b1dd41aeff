-- A closed month ("số liệu tại thời điểm …"): the scores as recomputed from every event recorded up
-- to as_of. Written once; reproducible from the events by replaying to as_of.
CREATE TABLE period_snapshots (
  period     text PRIMARY KEY,
  closed_at  timestamptz(6) NOT NULL,
  as_of      timestamptz(6) NOT NULL,
  position   bigint NOT NULL,
  closed_by  text NOT NULL,
  scores     jsonb NOT NULL
);
