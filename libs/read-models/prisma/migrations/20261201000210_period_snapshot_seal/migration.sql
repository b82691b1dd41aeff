-- The log seal a closed month covers (docs/tamper-evidence.md): the first seal reaching every event
-- the snapshot saw, so an auditor can hold the month's figures and the log head together. Months
-- closed before seals existed have none.
ALTER TABLE period_snapshots
  ADD COLUMN seal_seq  bigint,
  ADD COLUMN seal_head text;
