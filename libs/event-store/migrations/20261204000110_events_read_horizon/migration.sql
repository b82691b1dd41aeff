-- The bound below which the events' gap-free order (transaction_id, global_position) is final.
--
-- Readers used pg_snapshot_xmin(pg_current_snapshot()): the oldest transaction still running on the
-- whole server. Transaction ids are server-wide, so a long transaction in ANOTHER database of the
-- same PostgreSQL (another application, a report, a test suite's own database) held every reader of
-- this store back until it ended: scoring stalled with nothing wrong here. A transaction of another
-- database never writes this database's events, so its id is left out of the bound.
--
-- Conservative by construction: an id of the snapshot's running list is left out only when
-- pg_stat_activity shows it as the current transaction of a backend connected to another database.
-- An id it does not show (already ended, prepared, hidden by privileges, a subtransaction) keeps
-- bounding as before. With nothing running in this database, the bound is the snapshot's xmax
-- (every id below it has ended, so what is visible there is final).
CREATE OR REPLACE FUNCTION events_read_horizon() RETURNS xid8
LANGUAGE sql STABLE AS $$
  WITH snap AS (SELECT pg_current_snapshot() AS s),
       elsewhere AS (
         SELECT backend_xid::text AS xid FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database()
       )
  SELECT coalesce(
    (SELECT min(x) FROM snap, pg_snapshot_xip(snap.s) AS x
      WHERE (x::text::numeric % 4294967296)::text NOT IN (SELECT xid FROM elsewhere)),
    (SELECT pg_snapshot_xmax(s) FROM snap)
  )
$$;
