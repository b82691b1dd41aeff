-- The fixed point a closed month was published at: the scoring projection's checkpoints
-- [{name, transactionId, position}], so its check replays exactly those events (docs/verify.md).
-- Null for snapshots closed before: they are checked by their record-time cut (as_of).
ALTER TABLE period_snapshots ADD COLUMN cuts jsonb;
