-- One event appended in one round trip (docs/performance.md): the single-append path of
-- PostgresEventStore calls this instead of sending eight statements. It keeps every guarantee of the
-- batch path: an id already stored is answered with what is stored (the caller tells duplicate from
-- conflict), the expected version is checked under the stream's row lock, the per-stream hash chain
-- is extended. The events' transaction_id default keeps the readers' gap-free order. It does not
-- NOTIFY: a NOTIFY inside the transaction would serialise every append's commit (append-notifier.ts
-- wakes subscribers after the commit instead).
--
-- p_hash_prefix is the canonical content up to its stream version (hashedTextBeforeVersion in
-- hash-chain.ts); hash = sha256(last_hash ‖ "\n" ‖ prefix ‖ version ‖ "}"), the same formula as chainHash.
-- p_expected: NULL = no check, -1 or 0 = the stream must not hold events yet, n = it is at version n.
-- o_status: 'accepted' (o_position, o_version), 'stored' (the id is already stored: o_position,
-- o_stored_stream, o_stored_payload), 'wrong_version' (o_version = the stream's version; nothing written).
CREATE OR REPLACE FUNCTION append_one_event(
  p_event_id uuid, p_stream_id text, p_type text, p_schema_version integer, p_unit_code text, p_source_system text,
  p_occurred_at timestamptz, p_recorded_at timestamptz, p_payload jsonb, p_hash_prefix text, p_expected integer,
  OUT o_status text, OUT o_position bigint, OUT o_version integer, OUT o_stored_stream text, OUT o_stored_payload jsonb)
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
    -- A concurrent writer stored this id first and has committed (the insert waited for it): this
    -- statement's fresh snapshot sees its row.
    SELECT e.global_position, e.stream_id, e.payload INTO o_position, o_stored_stream, o_stored_payload
      FROM events e WHERE e.event_id = p_event_id;
    o_status := 'stored'; o_version := NULL; RETURN;
  END IF;
  UPDATE streams SET version = o_version, last_hash = v_hash WHERE stream_id = p_stream_id;
  o_status := 'accepted';
END $$;
