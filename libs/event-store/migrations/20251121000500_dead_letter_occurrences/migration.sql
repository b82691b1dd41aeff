-- The same rejected bytes from the same source for the same reason (a Kafka redelivery, a client
-- retrying) are kept once, with how often and when last they came.
ALTER TABLE dead_letters
  ADD COLUMN raw_sha256 bytea,
  ADD COLUMN occurrences integer NOT NULL DEFAULT 1,
  ADD COLUMN last_received_at timestamptz NOT NULL DEFAULT now();
UPDATE dead_letters SET raw_sha256 = sha256(raw), last_received_at = received_at;
ALTER TABLE dead_letters ALTER COLUMN raw_sha256 SET NOT NULL;
DELETE FROM dead_letters d USING dead_letters e
  WHERE d.source = e.source AND d.raw_sha256 = e.raw_sha256 AND d.reason = e.reason AND d.id > e.id;
CREATE UNIQUE INDEX dead_letters_same_rejection ON dead_letters (source, raw_sha256, reason);
