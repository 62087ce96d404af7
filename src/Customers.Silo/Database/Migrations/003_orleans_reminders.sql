-- 003: reminder table for Orleans.Reminders.AdoNet (invariant Npgsql).
--
-- One row per (serviceid, grainid, remindername). grainhash is the ring hash as a signed
-- int32 (hashes >= 2^31 arrive negative), so the two range queries compare signed values:
--   ReadRangeRows1Key (Begin < End):      Begin < grainhash <= End
--   ReadRangeRows2Key (otherwise, wraps): grainhash > Begin OR grainhash <= End
-- which together give the unsigned ring interval (Begin, End].
-- period is bigint (milliseconds, may exceed int32), starttime is timestamptz (UTC).
-- version is 0 on insert and +1 on every upsert (wrapping to 0 instead of overflowing).
-- grainid is text without a length limit ("type/key" ids can be long).

CREATE TABLE orleansreminders
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    grainhash    integer     NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,
    version      integer     NOT NULL,
    CONSTRAINT pk_orleansreminders PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX ix_orleansreminders_grainhash ON orleansreminders (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
(
'ReadReminderRowsKey',
$sql$SELECT grainid AS grainid,
       remindername AS remindername,
       starttime AS starttime,
       period AS period,
       version AS version
FROM orleansreminders
WHERE serviceid = @ServiceId::text
  AND grainid = @GrainId::text$sql$
),
(
'ReadReminderRowKey',
$sql$SELECT grainid AS grainid,
       remindername AS remindername,
       starttime AS starttime,
       period AS period,
       version AS version
FROM orleansreminders
WHERE serviceid = @ServiceId::text
  AND grainid = @GrainId::text
  AND remindername = @ReminderName::text$sql$
),
(
'ReadRangeRows1Key',
$sql$SELECT grainid AS grainid,
       remindername AS remindername,
       starttime AS starttime,
       period AS period,
       version AS version
FROM orleansreminders
WHERE serviceid = @ServiceId::text
  AND grainhash > @BeginHash::integer
  AND grainhash <= @EndHash::integer$sql$
),
(
'ReadRangeRows2Key',
$sql$SELECT grainid AS grainid,
       remindername AS remindername,
       starttime AS starttime,
       period AS period,
       version AS version
FROM orleansreminders
WHERE serviceid = @ServiceId::text
  AND (grainhash > @BeginHash::integer OR grainhash <= @EndHash::integer)$sql$
),
(
-- Insert or replace. Period may be sent as int4 or int8, the cast accepts both.
-- Returns the new version, which changes on every call.
'UpsertReminderRowKey',
$sql$INSERT INTO orleansreminders AS r
    (serviceid, grainid, remindername, grainhash, starttime, period, version)
VALUES
    (@ServiceId::text, @GrainId::text, @ReminderName::text, @GrainHash::integer,
     @StartTime::timestamptz, @Period::bigint, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
SET grainhash = excluded.grainhash,
    starttime = excluded.starttime,
    period = excluded.period,
    version = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING r.version AS version$sql$
),
(
-- Exactly one row with exactly one boolean column: true when the row was deleted.
'DeleteReminderRowKey',
$sql$WITH deleted AS (
    DELETE FROM orleansreminders
    WHERE serviceid = @ServiceId::text
      AND grainid = @GrainId::text
      AND remindername = @ReminderName::text
      AND version = @Version::integer
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS deleted$sql$
),
(
'DeleteReminderRowsKey',
$sql$DELETE FROM orleansreminders
WHERE serviceid = @ServiceId::text$sql$
);
