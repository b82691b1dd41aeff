-- Unit-periods whose figures a catching-up projection still owes: written with its checkpoint,
-- recomputed (and removed) once the projection is live again.
CREATE TABLE pending_recomputes (
  projection text NOT NULL,
  unit_code  text NOT NULL,
  period     text NOT NULL,
  PRIMARY KEY (projection, unit_code, period)
);
