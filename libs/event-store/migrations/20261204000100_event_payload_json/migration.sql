-- Payloads are kept as json (the text as sent, checked for syntax) instead of jsonb (docs/performance.md,
-- "Event store"). Nothing in SQL reads inside a payload: every reader parses it in Node (replays,
-- readers, the unit directory, the verifier). jsonb cost PostgreSQL a parse into its binary tree,
-- a key sort and a copy on every insert, and a conversion back to text on every read (most of a
-- rebuild's server time); json is validated once on the way in and handed back as stored.
-- The hash chain is over canonical JSON computed in Node, not over the stored text, so existing
-- hashes stay valid: the conversion keeps each payload's content, only its spelling changes.
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;

-- The single-append function takes and answers json now (a new signature, so the jsonb one is dropped).
DROP FUNCTION IF EXISTS append_one_event(uuid, text, text, integer, text, text, timestamptz, timestamptz, jsonb, text, integer);

-- One event appended in one round trip (as in 20261202000600_append_one_event, which explains the
-- contract): an id already stored is answered with what is stored, the expected version is checked
-- under the stream's row lock, the per-stream hash chain is extended; no NOTIFY (append-notifier.ts).
-- p_expected: NULL = no check, -1 or 0 = the stream must not hold events yet, n = it is at version n.
CREATE FUNCTION append_one_event(
  p_event_id uuid, p_stream_id text, p_type text, p_schema_version integer, p_unit_code text, p_source_system text,
  p_occurred_at timestamptz, p_recorded_at timestamptz, p_payload json, p_hash_prefix text, p_expected integer,
  OUT o_status text, OUT o_position bigint, OUT o_version integer, OUT o_stored_stream text, OUT o_stored_payload json)
LANGUAGE plpgsql AS $$
DECLARE
  v_version integer;
  v_last_hash text;
  v_hash text;
BEGIN
  SELECT e.global_position, e.stream_id, e.payload INTO o_position, o_stored_stream, o_stored_payload
    FROM events e WHERE e.event_id = p_event_id;
  IF FOUND THEN o_status := 'stored'; RETURN; END IF;

  SELECT s.version, s.last_hash INTO v_version, v_last_hash FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  IF NOT FOUND THEN
    IF p_expected IS NOT NULL AND p_expected NOT IN (-1, 0) THEN o_status := 'wrong_version'; o_version := 0; RETURN; END IF;
    INSERT INTO streams (stream_id, version, last_hash) VALUES (p_stream_id, 0, '') ON CONFLICT DO NOTHING;
    SELECT s.version, s.last_hash INTO v_version, v_last_hash FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  END IF;
  IF p_expected IS NOT NULL AND v_version <> (CASE WHEN p_expected = -1 THEN 0 ELSE p_expected END) THEN
    o_status := 'wrong_version'; o_version := v_version; RETURN;
  END IF;

  o_version := v_version + 1;
  v_hash := encode(sha256(convert_to(v_last_hash || E'\n' || p_hash_prefix || o_version::text || '}', 'UTF8')), 'hex');
  INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, unit_code, source_system,
                      occurred_at, recorded_at, payload, prev_hash, hash)
    VALUES (p_event_id, p_stream_id, o_version, p_type, p_schema_version, p_unit_code, p_source_system,
            p_occurred_at, p_recorded_at, p_payload, v_last_hash, v_hash)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING global_position INTO o_position;
  IF NOT FOUND THEN
    -- A concurrent writer stored this id first and has committed (the insert waited for it).
    SELECT e.global_position, e.stream_id, e.payload INTO o_position, o_stored_stream, o_stored_payload
      FROM events e WHERE e.event_id = p_event_id;
    o_status := 'stored'; o_version := NULL; RETURN;
  END IF;
  UPDATE streams SET version = o_version, last_hash = v_hash WHERE stream_id = p_stream_id;
  o_status := 'accepted';
END $$;
