-- events_read_horizon() also leaves out an autovacuum worker's transaction.
--
-- Autovacuum's ANALYZE takes a transaction id when it writes a table's statistics, and keeps it until
-- it has written them all, extended statistics included: seconds on a large table or an expensive
-- statistics expression. Its worker is connected to this database, so the bound of migration
-- 20261204000110 treated it as a possible appender: every reader of the store (the projector, the
-- log sealer, the rebuild) saw nothing new until the worker's transaction ended. A CI run caught it: an
-- event appended and read at once was missing. Autovacuum never writes a table's rows, so its id
-- cannot stand for an event still to commit.
--
-- Still conservative: an id is left out only when pg_stat_activity shows it as the current transaction
-- of a backend connected to another database, or of an autovacuum worker. A manual VACUUM or ANALYZE
-- is a client backend and keeps bounding, as does any id pg_stat_activity does not show.
CREATE OR REPLACE FUNCTION events_read_horizon() RETURNS xid8
LANGUAGE sql STABLE AS $$
  WITH snap AS (SELECT pg_current_snapshot() AS s),
       cannot_append AS (
         SELECT backend_xid::text AS xid FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL
            AND (datname IS DISTINCT FROM current_database() OR backend_type = 'autovacuum worker')
       )
  SELECT coalesce(
    (SELECT min(x) FROM snap, pg_snapshot_xip(snap.s) AS x
      WHERE (x::text::numeric % 4294967296)::text NOT IN (SELECT xid FROM cannot_append)),
    (SELECT pg_snapshot_xmax(s) FROM snap)
  )
$$;
