-- The same rejection was keyed by (source, raw_sha256, reason): a btree entry holds at most ~2.7 KB,
-- so a reason or an X-Source-System over that failed the insert and the sender got a 500 with no
-- reason. The key is now two fixed-size digests: of the bytes, and of source and reason together
-- (joined by a NUL byte, which text never holds, so no two pairs share a digest input).
ALTER TABLE dead_letters ADD COLUMN rejection_sha256 bytea;
UPDATE dead_letters SET rejection_sha256 = sha256(convert_to(source, 'UTF8') || '\x00'::bytea || convert_to(reason, 'UTF8'));
ALTER TABLE dead_letters ALTER COLUMN rejection_sha256 SET NOT NULL;
DROP INDEX IF EXISTS dead_letters_same_rejection;
CREATE UNIQUE INDEX dead_letters_same_rejection ON dead_letters (raw_sha256, rejection_sha256);
