-- 006: the event log.
--
-- A grain state that changed carries its events in an "outbox" array of its JSON payload. The
-- write function below moves them into customer_events in the same statement as the state row
-- write, and only when that write succeeded (version check passed): one commit holds the change
-- and its events, so neither exists without the other, whatever crashes. The payload is stored
-- as sent (re-serializing it would cost more than it saves); the storage drops the outbox when
-- the state is read back, since its events are in the log already.
--
-- Rows arrive without a position. An org's positions are assigned afterwards by one writer at a
-- time (customer_events_sequence, under a transaction-level advisory lock on the org), one batch
-- per commit, each batch above everything committed before it. Readers see positioned rows only,
-- so a position never becomes visible behind one already read, although the writes themselves
-- commit in any order. `seq` is the insertion order, used to order a batch. Like grain state,
-- the log is scoped by the Orleans ServiceId: deployments sharing a database keep their own feeds.

CREATE TABLE customer_events
(
    id          uuid        PRIMARY KEY,
    service_id  text        NOT NULL,
    org_id      text        NOT NULL,
    type        text        NOT NULL,
    customer_id uuid        NULL,
    account_id  uuid        NULL,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    changes     jsonb       NOT NULL DEFAULT '[]'::jsonb,
    position    bigint      NULL,
    seq         bigint      GENERATED ALWAYS AS IDENTITY
);

CREATE UNIQUE INDEX ux_customer_events_position ON customer_events (service_id, org_id, position) WHERE position IS NOT NULL;
CREATE INDEX ix_customer_events_unpositioned ON customer_events (service_id, org_id, seq) WHERE position IS NULL;
CREATE INDEX ix_customer_events_customer ON customer_events (service_id, org_id, customer_id, position) WHERE position IS NOT NULL;
CREATE INDEX ix_customer_events_account ON customer_events (service_id, org_id, account_id, position) WHERE position IS NOT NULL;

-- Same contract as in 002; the outbox is looked for with a byte search first, so a write
-- without events pays nothing for this. '"outbox":' can only be that property's key: inside a
-- JSON string the quotes would be escaped. The serializer writes the outbox as the state's last
-- property, so only the tail from the key on is parsed: '{' || '"outbox":[...]}'.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_serviceid       text,
    p_graintypestring text,
    p_grainidn0       bigint,
    p_grainidn1       bigint,
    p_extension       text,
    p_grainidhash     integer,
    p_graintypehash   integer,
    p_payload         bytea,
    p_version         integer)
RETURNS SETOF integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new    integer;
    v_at     integer;
    v_events jsonb;
BEGIN
    v_at := position('\x226f7574626f78223a'::bytea IN p_payload);
    IF v_at > 0 THEN
        v_events := ('{' || convert_from(substring(p_payload FROM v_at), 'UTF8'))::jsonb -> 'outbox';
    END IF;

    IF p_version IS NULL THEN
        INSERT INTO orleansstorage
            (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
             grainidhash, graintypehash, payloadbinary, version, modifiedon)
        VALUES
            (p_serviceid, p_graintypestring, p_grainidn0, p_grainidn1, p_extension,
             p_grainidhash, p_graintypehash, p_payload, 1, now())
        ON CONFLICT (serviceid, graintypestring, grainidn0, grainidn1,
                     (coalesce(grainidextensionstring, '')), (grainidextensionstring IS NULL))
        DO NOTHING
        RETURNING version INTO v_new;
    ELSE
        UPDATE orleansstorage
        SET payloadbinary = p_payload,
            version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
            modifiedon = now()
        WHERE serviceid = p_serviceid
          AND graintypestring = p_graintypestring
          AND grainidn0 = p_grainidn0
          AND grainidn1 = p_grainidn1
          AND coalesce(grainidextensionstring, '') = coalesce(p_extension, '')
          AND (grainidextensionstring IS NULL) = (p_extension IS NULL)
          AND version = p_version
        RETURNING version INTO v_new;
    END IF;

    IF v_new IS NOT NULL THEN
        IF jsonb_typeof(v_events) = 'array' THEN
            INSERT INTO customer_events (id, service_id, org_id, type, customer_id, account_id, occurred_at, actor, changes)
            SELECT (e ->> 'id')::uuid, p_serviceid, e ->> 'org_id', e ->> 'type', (e ->> 'customer_id')::uuid,
                   (e ->> 'account_id')::uuid, (e ->> 'occurred_at')::timestamptz, e ->> 'actor',
                   coalesce(e -> 'changes', '[]'::jsonb)
            FROM jsonb_array_elements(v_events) WITH ORDINALITY AS x(e, n)
            ORDER BY n
            ON CONFLICT (id) DO NOTHING;
        END IF;
        RETURN NEXT v_new;
    END IF;
    RETURN;
END
$fn$;

-- Positions the next batch of one org's events. The advisory lock makes one assigner per org
-- even if two activations of its sequencer overlap for a moment; it is held to the commit, and
-- the last position is read after taking it, so each batch starts above the committed one.
CREATE FUNCTION customer_events_sequence(p_service text, p_org text, p_limit integer)
RETURNS TABLE (id uuid, "position" bigint, type text, org_id text, customer_id uuid,
               account_id uuid, occurred_at timestamptz, actor text, changes jsonb)
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_last bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('customer-events/' || p_service || '/' || p_org, 0));
    SELECT coalesce(max(c.position), 0) INTO v_last
    FROM customer_events c WHERE c.service_id = p_service AND c.org_id = p_org AND c.position IS NOT NULL;

    RETURN QUERY
    WITH batch AS (
        SELECT c.id, row_number() OVER (ORDER BY c.seq) AS rn
        FROM customer_events c
        WHERE c.service_id = p_service AND c.org_id = p_org AND c.position IS NULL
        ORDER BY c.seq
        LIMIT p_limit
    )
    UPDATE customer_events c
    SET position = v_last + b.rn
    FROM batch b
    WHERE c.id = b.id
    RETURNING c.id, c.position, c.type, c.org_id, c.customer_id, c.account_id, c.occurred_at, c.actor, c.changes;
END
$fn$;
