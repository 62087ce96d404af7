-- 001: the query table read by the Orleans ADO.NET providers at start-up.
--
-- Every provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" (unquoted, so it
-- resolves to this lower-case table through search_path). Later migrations insert their
-- rows here. Keys are case-sensitive and must be unique, texts must be non-NULL.
--
-- Conventions used by all query texts in later files:
--   * parameters are written @Name (Npgsql named parameters) and cast explicitly
--   * result columns carry an explicit lower-case alias (matched case-insensitively)
--   * each text is a single statement with no semicolon, so it is atomic on its own
-- This file is applied once, inside the bootstrapper's transaction.

CREATE TABLE orleansquery
(
    querykey  text NOT NULL,
    querytext text NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
