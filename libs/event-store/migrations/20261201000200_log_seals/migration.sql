-- Signed seals of the whole log (docs/tamper-evidence.md). Seal n covers every event committed after
-- seal n-1 up to (up_to_transaction_id, up_to_position) in the gap-free global order:
-- head_hash = sha256(previous head_hash ‖ each covered event's hash), signed with an Ed25519 key kept
-- outside the database. Per-stream chains alone miss a re-chained edit, a deleted tail, a deleted stream.
CREATE TABLE IF NOT EXISTS log_seals (
  seq                  bigint PRIMARY KEY CHECK (seq >= 1),
  up_to_transaction_id xid8 NOT NULL,
  up_to_position       bigint NOT NULL,
  event_count          bigint NOT NULL,
  head_hash            text NOT NULL,
  sealed_at            timestamptz NOT NULL,
  key_id               text NOT NULL,
  signature            text NOT NULL
);

-- Which log this is: the sealer's witness file (outside the database) remembers the newest seal of
-- one log, so a reset database is told apart from a truncated one.
CREATE TABLE IF NOT EXISTS log_identity (
  log_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO log_identity DEFAULT VALUES;
