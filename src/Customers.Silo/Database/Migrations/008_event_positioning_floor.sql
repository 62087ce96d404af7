-- 008: where an org's positioning pass starts reading.
--
-- A pass found its org's unpositioned events through ix_customer_events_unpositioned from the
-- org's first entry on. Positioning an event updates its row, and the index keeps the entry of
-- the old version until VACUUM removes it, so every pass stepped over every event positioned since
-- the table's last vacuum: hundreds of index pages per pass after a few hundred thousand writes,
-- growing with the table (autovacuum waits for a fifth of it to be dead).
--
-- Each org now has a floor: every event at or below it (by seq) is positioned, or its transaction
-- rolled back, and a pass reads only above it. A pass takes a mark: the sequence's last value,
-- then a transaction id of its own, so every event at or below the mark belongs to a transaction
-- with a lower id. The floor moves to the mark once no transaction below that id is running and a
-- pass has read to the end: an event that took its seq before the mark and committed after it is
-- never skipped. That relies on an event's transaction having its id before the event takes its
-- seq, which orleans_storage_write guarantees (it writes the state row first, the events after
-- it), and on seq's sequence handing values out in time order across sessions (no CACHE above 1).
-- (A snapshot's xmax would not do as the bound: it is the newest completed id plus one, and a
-- transaction that took a newer id is still running.)
--
-- A floor lost or behind only makes a pass read more; its row is written without waiting for the
-- WAL flush when the pass positioned nothing.

CREATE TABLE customer_events_floor
(
    service_id text   NOT NULL,
    org_id     text   NOT NULL,
    floor_seq  bigint NOT NULL,
    mark_seq   bigint NULL,
    mark_xid   xid8   NULL,
    PRIMARY KEY (service_id, org_id)
);

CREATE OR REPLACE FUNCTION customer_events_sequence(p_service text, p_org text, p_limit integer)
RETURNS TABLE (id uuid, "position" bigint, type text, org_id text, customer_id uuid,
               account_id uuid, occurred_at timestamptz, actor text, changes jsonb)
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_last      bigint;
    v_count     integer;
    v_found     boolean;
    v_floor     bigint;
    v_mark      bigint;
    v_mark_xid  xid8;
    v_settled   boolean;
    v_next      bigint;
    v_next_xid  xid8;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('customer-events/' || p_service || '/' || p_org, 0));

    SELECT f.floor_seq, f.mark_seq, f.mark_xid INTO v_floor, v_mark, v_mark_xid
    FROM customer_events_floor f WHERE f.service_id = p_service AND f.org_id = p_org;
    v_found := FOUND;
    v_floor := coalesce(v_floor, 0);
    -- Checked before the scan, whose own snapshot is later: every event at or below a settled mark
    -- is then committed and visible to it, or rolled back.
    v_settled := v_mark IS NOT NULL AND pg_snapshot_xmin(pg_current_snapshot()) >= v_mark_xid;

    v_next := v_mark;
    v_next_xid := v_mark_xid;
    IF v_mark IS NULL OR v_settled THEN
        -- In this order, and before this transaction has an id: see the top of this file.
        v_next := coalesce(pg_sequence_last_value(pg_get_serial_sequence('customer_events', 'seq')::regclass), 0);
        v_next_xid := pg_current_xact_id();
    END IF;

    SELECT coalesce(max(c.position), 0) INTO v_last
    FROM customer_events c WHERE c.service_id = p_service AND c.org_id = p_org AND c.position IS NOT NULL;

    RETURN QUERY
    WITH batch AS (
        SELECT c.id, row_number() OVER (ORDER BY c.seq) AS rn
        FROM customer_events c
        WHERE c.service_id = p_service AND c.org_id = p_org AND c.position IS NULL AND c.seq > v_floor
        ORDER BY c.seq
        LIMIT p_limit
    )
    UPDATE customer_events c
    SET position = v_last + b.rn
    FROM batch b
    WHERE c.id = b.id
    RETURNING c.id, c.position, c.type, c.org_id, c.customer_id, c.account_id, c.occurred_at, c.actor, c.changes;
    GET DIAGNOSTICS v_count = ROW_COUNT;

    IF v_count = 0 THEN
        -- Nothing positioned: what this commit holds is at most the floor's row.
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;

    -- A full batch may have left events above it: the floor moves after a pass that read to the end.
    IF v_count >= p_limit THEN
        RETURN;
    END IF;

    IF v_settled THEN
        v_floor := v_mark;
    END IF;

    IF v_next <= v_floor THEN
        v_next := NULL;
        v_next_xid := NULL;
    END IF;

    IF v_found AND NOT v_settled AND v_next IS NOT DISTINCT FROM v_mark THEN
        RETURN;
    END IF;

    INSERT INTO customer_events_floor AS f (service_id, org_id, floor_seq, mark_seq, mark_xid)
    VALUES (p_service, p_org, v_floor, v_next, v_next_xid)
    ON CONFLICT ON CONSTRAINT customer_events_floor_pkey DO UPDATE
    SET floor_seq = excluded.floor_seq, mark_seq = excluded.mark_seq, mark_xid = excluded.mark_xid;
END
$fn$;
