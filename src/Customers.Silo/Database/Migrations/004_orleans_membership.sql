-- 004: membership table for Orleans.Clustering.AdoNet (invariant Npgsql).
--
-- Scoped by deploymentid (= ClusterOptions.ClusterId). orleansmembershipversion holds one
-- row per cluster with the table version (0 when created, +1 per membership insert/update).
-- orleansmembership holds one row per silo (address, port, generation).
--
-- Atomicity of InsertMembershipKey / UpdateMembershipKey: each is one statement that
--   1. locks the cluster's version row FOR UPDATE, only if version = @Version
--      (READ COMMITTED re-checks the condition on the newest row after waiting, so of two
--      writers with the same @Version exactly one gets the row, the other gets nothing),
--   2. inserts / updates the member row only if step 1 produced the lock,
--   3. bumps the version only if step 2 changed a row,
-- and returns one row with one boolean column. Either all three happen or none does.
-- UpdateIAmAlivetimeKey and the cleanup keys never touch the version.
-- address is text (IPAddress.ToString()), all times are timestamptz (UTC).

CREATE TABLE orleansmembershipversion
(
    deploymentid text        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    modifiedon   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_orleansmembershipversion PRIMARY KEY (deploymentid),
    CONSTRAINT ck_orleansmembershipversion_version CHECK (version >= 0)
);

CREATE TABLE orleansmembership
(
    deploymentid text        NOT NULL,
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NOT NULL,
    suspecttimes text        NULL,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    CONSTRAINT pk_orleansmembership PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembership_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversion (deploymentid) ON DELETE CASCADE
);

INSERT INTO orleansquery (querykey, querytext) VALUES
(
-- One row, one boolean column: true when the version row was created now.
'InsertMembershipVersionKey',
$sql$WITH inserted AS (
    INSERT INTO orleansmembershipversion (deploymentid, version, modifiedon)
    VALUES (@DeploymentId::text, 0, now())
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS created$sql$
),
(
-- Members joined to the version row. With no members the LEFT JOIN yields exactly one row
-- (version, everything else NULL, starttime NULL = "no member"), never mixed with members.
'MembershipReadAllKey',
$sql$SELECT v.version AS version,
       m.address AS address,
       m.port AS port,
       m.generation AS generation,
       m.siloname AS siloname,
       m.hostname AS hostname,
       m.status AS status,
       m.proxyport AS proxyport,
       m.suspecttimes AS suspecttimes,
       m.starttime AS starttime,
       m.iamalivetime AS iamalivetime
FROM orleansmembershipversion v
LEFT JOIN orleansmembership m
       ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId::text$sql$
),
(
'MembershipReadRowKey',
$sql$SELECT v.version AS version,
       m.address AS address,
       m.port AS port,
       m.generation AS generation,
       m.siloname AS siloname,
       m.hostname AS hostname,
       m.status AS status,
       m.proxyport AS proxyport,
       m.suspecttimes AS suspecttimes,
       m.starttime AS starttime,
       m.iamalivetime AS iamalivetime
FROM orleansmembershipversion v
LEFT JOIN orleansmembership m
       ON m.deploymentid = v.deploymentid
      AND m.address = @Address::text
      AND m.port = @Port::integer
      AND m.generation = @Generation::integer
WHERE v.deploymentid = @DeploymentId::text$sql$
),
(
'InsertMembershipKey',
$sql$WITH locked AS (
    SELECT deploymentid
    FROM orleansmembershipversion
    WHERE deploymentid = @DeploymentId::text
      AND version = @Version::integer
    FOR UPDATE
), inserted AS (
    INSERT INTO orleansmembership
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
         suspecttimes, starttime, iamalivetime)
    SELECT locked.deploymentid, @Address::text, @Port::integer, @Generation::integer,
           @SiloName::text, @HostName::text, @Status::integer, @ProxyPort::integer,
           NULL, @StartTime::timestamptz, @IAmAliveTime::timestamptz
    FROM locked
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING
    RETURNING deploymentid
), bumped AS (
    UPDATE orleansmembershipversion
    SET version = version + 1,
        modifiedon = now()
    WHERE deploymentid IN (SELECT deploymentid FROM inserted)
      AND version = @Version::integer
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped) AS inserted$sql$
),
(
'UpdateMembershipKey',
$sql$WITH locked AS (
    SELECT deploymentid
    FROM orleansmembershipversion
    WHERE deploymentid = @DeploymentId::text
      AND version = @Version::integer
    FOR UPDATE
), updated AS (
    UPDATE orleansmembership
    SET status = @Status::integer,
        suspecttimes = @SuspectTimes::text,
        iamalivetime = @IAmAliveTime::timestamptz
    WHERE deploymentid IN (SELECT deploymentid FROM locked)
      AND address = @Address::text
      AND port = @Port::integer
      AND generation = @Generation::integer
    RETURNING deploymentid
), bumped AS (
    UPDATE orleansmembershipversion
    SET version = version + 1,
        modifiedon = now()
    WHERE deploymentid IN (SELECT deploymentid FROM updated)
      AND version = @Version::integer
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped) AS updated$sql$
),
(
-- Heartbeat: IAmAliveTime only, the version is left alone. 0 rows is fine.
'UpdateIAmAlivetimeKey',
$sql$UPDATE orleansmembership
SET iamalivetime = @IAmAliveTime::timestamptz
WHERE deploymentid = @DeploymentId::text
  AND address = @Address::text
  AND port = @Port::integer
  AND generation = @Generation::integer$sql$
),
(
-- Gateways: silos in the requested status (Active = 3) that expose a proxy port.
'GatewaysQueryKey',
$sql$SELECT address AS address,
       proxyport AS proxyport,
       generation AS generation
FROM orleansmembership
WHERE deploymentid = @DeploymentId::text
  AND status = @Status::integer
  AND proxyport > 0$sql$
),
(
-- Bulk cleanup: every non-Active (status <> 3) member whose last heartbeat precedes the
-- cutoff (exclusive). Active rows always survive.
'CleanupDefunctSiloEntriesKey',
$sql$DELETE FROM orleansmembership
WHERE deploymentid = @DeploymentId::text
  AND iamalivetime < @IAmAliveTime::timestamptz
  AND status <> 3$sql$
),
(
-- Per-row cleanup (optional key, replaces the bulk one when present): delete one Dead
-- (status 6) row, guarded so a row that was refreshed after it was read survives.
-- StartTime and SuspectTimes are accepted but not compared, to avoid false mismatches
-- from timestamp precision or re-serialisation.
'CleanupDefunctSiloEntryKey',
$sql$DELETE FROM orleansmembership
WHERE deploymentid = @DeploymentId::text
  AND address = @Address::text
  AND port = @Port::integer
  AND generation = @Generation::integer
  AND status = 6
  AND iamalivetime <= @IAmAliveTime::timestamptz$sql$
),
(
-- Remove the cluster: its members, then its version row (the FK cascade covers members
-- inserted concurrently). One statement, so it is atomic.
'DeleteMembershipTableEntriesKey',
$sql$WITH members AS (
    DELETE FROM orleansmembership
    WHERE deploymentid = @DeploymentId::text
)
DELETE FROM orleansmembershipversion
WHERE deploymentid = @DeploymentId::text$sql$
);
