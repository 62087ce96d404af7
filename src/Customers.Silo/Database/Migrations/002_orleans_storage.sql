-- 002: grain storage for Orleans.Persistence.AdoNet (invariant Npgsql).
--
-- Identity of a state row: (serviceid, graintypestring, grainidn0, grainidn1,
-- grainidextensionstring). grainidextensionstring is NULL for plain integer/Guid keys and
-- '' is a different, valid value (key "2b" vs "2b+"), so NULL must be distinct from '' and
-- equal to NULL. The unique index below encodes that with two key parts:
--   coalesce(grainidextensionstring, '')   -- the text, NULL folded onto ''
--   (grainidextensionstring IS NULL)       -- tells NULL and '' apart again
-- Every query text compares the same two expressions, with plain equality, so lookups are
-- index scans on this index whatever the plan (custom or generic) and the NULL-safe
-- comparison costs nothing. The index also makes two concurrent first writes of the same
-- grain collide: the loser's INSERT ... ON CONFLICT DO NOTHING returns no row.
--
-- The hash columns are stored for diagnostics only: no query filters on them (changing the
-- hasher therefore orphans nothing).
--
-- version: 1 on first write, then +1 per successful write/clear (wrapping from 2147483647
-- to 1 so it can never overflow). A row with a payload always has a version (NOT NULL).

CREATE TABLE orleansstorage
(
    serviceid              text        NOT NULL,
    graintypestring        text        NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    grainidextensionstring text        NULL,
    grainidhash            integer     NOT NULL,
    graintypehash          integer     NOT NULL,
    payloadbinary          bytea       NULL,
    version                integer     NOT NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now()
)
-- Updates never touch an indexed column, so free space on the page lets them be HOT
-- updates (no index maintenance). Autovacuum runs a little earlier on this update-heavy table.
WITH (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);

CREATE UNIQUE INDEX ux_orleansstorage_identity
    ON orleansstorage (serviceid, graintypestring, grainidn0, grainidn1,
                       (coalesce(grainidextensionstring, '')), (grainidextensionstring IS NULL));

INSERT INTO orleansquery (querykey, querytext) VALUES
(
'ReadFromStorageKey',
$sql$SELECT payloadbinary AS payloadbinary,
       version AS version
FROM orleansstorage
WHERE serviceid = @ServiceId::text
  AND graintypestring = @GrainTypeString::text
  AND grainidn0 = @GrainIdN0::bigint
  AND grainidn1 = @GrainIdN1::bigint
  AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::text, '')
  AND (grainidextensionstring IS NULL) = (@GrainIdExtensionString::text IS NULL)$sql$
),
(
-- NULL GrainStateVersion: insert with version 1 unless any row (even a cleared one) exists:
-- a conflict yields no row. Otherwise compare-and-swap on version. Exactly one of the two
-- branches can act, the result is the new version or no row (= conflict for Orleans).
'WriteToStorageKey',
$sql$WITH updated AS (
    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary::bytea,
        version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
        modifiedon = now()
    WHERE @GrainStateVersion::integer IS NOT NULL
      AND serviceid = @ServiceId::text
      AND graintypestring = @GrainTypeString::text
      AND grainidn0 = @GrainIdN0::bigint
      AND grainidn1 = @GrainIdN1::bigint
      AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::text, '')
      AND (grainidextensionstring IS NULL) = (@GrainIdExtensionString::text IS NULL)
      AND version = @GrainStateVersion::integer
    RETURNING version
), inserted AS (
    INSERT INTO orleansstorage
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
         grainidhash, graintypehash, payloadbinary, version, modifiedon)
    SELECT @ServiceId::text, @GrainTypeString::text, @GrainIdN0::bigint, @GrainIdN1::bigint,
           @GrainIdExtensionString::text, @GrainIdHash::integer, @GrainTypeHash::integer,
           @PayloadBinary::bytea, 1, now()
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT (serviceid, graintypestring, grainidn0, grainidn1,
                 (coalesce(grainidextensionstring, '')), (grainidextensionstring IS NULL))
    DO NOTHING
    RETURNING version
)
SELECT version AS newgrainstateversion FROM updated
UNION ALL
SELECT version AS newgrainstateversion FROM inserted$sql$
),
(
-- Clear keeps the row (payload NULL) and moves the version on, no row = conflict.
'ClearStorageKey',
$sql$UPDATE orleansstorage
SET payloadbinary = NULL,
    version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
    modifiedon = now()
WHERE serviceid = @ServiceId::text
  AND graintypestring = @GrainTypeString::text
  AND grainidn0 = @GrainIdN0::bigint
  AND grainidn1 = @GrainIdN1::bigint
  AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::text, '')
  AND (grainidextensionstring IS NULL) = (@GrainIdExtensionString::text IS NULL)
  AND version = @GrainStateVersion::integer
RETURNING version AS newgrainstateversion$sql$
),
(
-- DeleteStateOnClear=true: remove the row if the version matches and return a value that
-- differs from the old version (old + 1), no row = conflict.
'DeleteStorageKey',
$sql$DELETE FROM orleansstorage
WHERE serviceid = @ServiceId::text
  AND graintypestring = @GrainTypeString::text
  AND grainidn0 = @GrainIdN0::bigint
  AND grainidn1 = @GrainIdN1::bigint
  AND coalesce(grainidextensionstring, '') = coalesce(@GrainIdExtensionString::text, '')
  AND (grainidextensionstring IS NULL) = (@GrainIdExtensionString::text IS NULL)
  AND version = @GrainStateVersion::integer
RETURNING CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END AS newgrainstateversion$sql$
);
